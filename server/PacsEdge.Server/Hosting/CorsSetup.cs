using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// CORS for browser viewers served from another origin (OHIF on its own host): off unless Server:Cors:AllowedOrigins
/// lists origins. Preflights allow any method and header; responses expose the headers DICOMweb clients read.
/// </summary>
internal static class CorsSetup
{
    /// <summary>Headers a script may read besides the CORS-safelisted ones (Warning carries STOW/QIDO notes, ETag caching).</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "Warning", "Content-Type", "Content-Location", "Location", "Content-Length"];

    public static bool IsEnabled(CorsOptions options) => options.AllowedOrigins.Any(o => !string.IsNullOrWhiteSpace(o));

    public static void AddPacsEdgeCors(this IServiceCollection services, CorsOptions options)
    {
        if (!IsEnabled(options)) return;
        var origins = options.AllowedOrigins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToArray();
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyMethod().AllowAnyHeader().WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
    }

    public static void UsePacsEdgeCors(this WebApplication app, CorsOptions options)
    {
        if (IsEnabled(options)) app.UseCors();
    }
}
