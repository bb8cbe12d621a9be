using PacsEdge.Plugins.Errors;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PacsEdge.Server.Errors;

/// <summary>Writes an RFC 9457 problem response (application/problem+json) carrying our error code and trace id.</summary>
public static class ProblemResponseWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, ErrorCode code, string detail)
    {
        var status = code.HttpStatus();
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var body = new Dictionary<string, object?>
        {
            ["type"] = code.ProblemType(),
            ["title"] = code.Title(),
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
            ["code"] = (int)code,
            ["error"] = code.ToString(),
            ["traceId"] = TraceId(context),
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    public static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
