using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Lifts Kestrel's default request body limit (30 MB) for STOW-RS, whose bodies are whole studies: to
/// Plugins:DicomWeb:MaxRequestBytes (0 = no limit). A declared Content-Length above the limit is refused before
/// anything is read; a chunked body that grows past it is cut by Kestrel while streaming.
/// </summary>
internal static class StowBodyLimit
{
    public static void Apply(HttpContext context, long maxRequestBytes)
    {
        if (maxRequestBytes > 0 && context.Request.ContentLength > maxRequestBytes) throw TooLarge(maxRequestBytes);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = maxRequestBytes > 0 ? maxRequestBytes : null;
    }

    public static PacsEdgeException TooLarge(long maxRequestBytes) => new(ErrorCode.PayloadTooLarge,
        $"the request body is larger than Plugins:DicomWeb:MaxRequestBytes ({maxRequestBytes} bytes); send the instances in several requests");
}
