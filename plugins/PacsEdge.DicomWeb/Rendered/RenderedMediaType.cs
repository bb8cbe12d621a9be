using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>
/// Picks the rendered media type from the Accept header (or the accept query parameter, which PS3.18 8.3.3.1 lets
/// replace it): image/jpeg or image/png. JPEG is the default for single-frame rendering (PS3.18 Table 8.7.4-2), so
/// no Accept, */* and image/* all give JPEG.
/// </summary>
internal static class RenderedMediaType
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    public static string Negotiate(HttpRequest request)
    {
        string? accept = request.Query.TryGetValue("accept", out var q) && q.Count > 0 ? string.Join(',', q.ToArray()) : request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept)) return Jpeg;
        IReadOnlyList<MediaType> ranges;
        try
        {
            ranges = MediaType.ParseAccept(accept);
        }
        catch (MediaTypeFormatException e)
        {
            throw new PacsEdgeException(ErrorCode.BadRequest, $"the Accept value is malformed: {e.Reason}");
        }
        // Highest quality first; among equals the first listed wins (a stable sort keeps the client's order).
        foreach (var range in ranges.Where(r => r.Quality > 0).OrderByDescending(r => r.Quality))
        {
            if (range.Is(Jpeg)) return Jpeg;
            if (range.Is(Png)) return Png;
            if (range.Is("image/*") || range.Is("*/*")) return Jpeg;
        }
        throw new PacsEdgeException(ErrorCode.NotAcceptable,
            $"rendered resources are available as {Jpeg} and {Png}, not '{accept}'");
    }
}
