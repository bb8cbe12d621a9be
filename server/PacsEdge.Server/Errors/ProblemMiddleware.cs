using PacsEdge.Plugins.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PacsEdge.Server.Errors;

/// <summary>
/// Turns every error into a problem response: <see cref="PacsEdgeException"/> by its code; any other exception
/// into a 500 whose detail reveals nothing (the exception is logged with the trace id the client sees); and
/// an empty 404 or 405 (from routing or an endpoint) into a problem too.
/// </summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (PacsEdgeException e) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Request {Method} {Path} failed with {ErrorCode}: {Detail}", context.Request.Method, context.Request.Path, e.Code, e.Message);
            await ProblemResponseWriter.WriteAsync(context, e.Code, e.Message);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            var traceId = ProblemResponseWriter.TraceId(context);
            logger.LogError(e, "Unexpected error on {Method} {Path}, trace id {TraceId}", context.Request.Method, context.Request.Path, traceId);
            await ProblemResponseWriter.WriteAsync(context, ErrorCode.Internal, $"An unexpected error occurred; quote trace id {traceId} when reporting it.");
            return;
        }
        if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
        {
            // No endpoint: an unknown route. An endpoint that answered an empty 404 gets the generic NotFound.
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
                await ProblemResponseWriter.WriteAsync(context, ErrorCode.RouteNotFound, $"No route matches {context.Request.Method} {context.Request.Path}.");
            else if (context.Response.StatusCode == StatusCodes.Status404NotFound)
                await ProblemResponseWriter.WriteAsync(context, ErrorCode.NotFound, "The requested resource does not exist.");
            else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                await ProblemResponseWriter.WriteAsync(context, ErrorCode.MethodNotAllowed, $"{context.Request.Method} is not allowed on {context.Request.Path}.");
        }
    }
}
