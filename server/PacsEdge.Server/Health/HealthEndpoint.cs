using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PacsEdge.Server.Health;

/// <summary>
/// GET /health: 200 {"status":"ready","version":...} once the server can store, 503 {"status":"unavailable",
/// "reason":...} before (with Retry-After). Anonymous by design (DESIGN.md's allow-list).
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static string Version { get; } =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HealthEndpoint).Assembly.GetName().Version?.ToString() ?? "0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (ReadinessState state, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (state.IsReady) return Results.Json(new { status = "ready", version = Version });
            context.Response.Headers.RetryAfter = "5";
            return Results.Json(new { status = "unavailable", version = Version, reason = state.NotReadyReason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return routes;
    }
}
