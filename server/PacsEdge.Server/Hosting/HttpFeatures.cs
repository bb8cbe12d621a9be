using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// The host's cross-cutting HTTP features, read once at start: forwarded headers from known proxies, response
/// compression, CORS. Order in the pipeline: forwarded headers first (everything after sees the client-facing
/// origin), then compression and CORS, so problem responses are compressed and carry CORS headers too.
/// </summary>
internal sealed record HttpFeatures(CorsOptions Cors, KnownProxyList Proxies)
{
    public static HttpFeatures Bind(IConfiguration configuration)
    {
        CorsOptions cors;
        ForwardedHeadersSettings forwarded;
        try
        {
            cors = configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions();
            forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        }
        catch (InvalidOperationException e) { throw new PacsEdgeException(ErrorCode.InvalidConfiguration, e.Message, e); }
        foreach (var origin in cors.AllowedOrigins.Select(o => o.Trim()).Where(o => o.Length > 0 && o != "*"))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery.TrimEnd('/').Length > 0 && uri.PathAndQuery != "/")
                throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Server:Cors:AllowedOrigins: '{origin}' is not an origin such as https://viewer.example.org or *");
        }
        return new HttpFeatures(cors, KnownProxyList.Parse(forwarded.KnownProxies));
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddPacsEdgeResponseCompression();
        services.AddPacsEdgeCors(Cors);
    }

    public void Use(WebApplication app)
    {
        app.UsePacsEdgeForwardedHeaders(Proxies);
        app.UseResponseCompression();
        app.UsePacsEdgeCors(Cors);
    }
}
