using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>The request's Accept header as media ranges, best first (RFC 9110 12.5.1).</summary>
internal static class AcceptHeader
{
    private static readonly MediaType AnyType = new("*", "*");

    /// <summary>
    /// The acceptable ranges from the highest q to the lowest; ranges with q=0 are dropped. No Accept header (or an
    /// empty one) means */* (RFC 9110). A header that does not parse is the client's error: 400.
    /// </summary>
    public static IReadOnlyList<MediaType> Read(HttpRequest request)
    {
        var values = request.Headers.Accept;
        var joined = string.Join(",", values.Where(v => !string.IsNullOrWhiteSpace(v)));
        if (joined.Length == 0) return [AnyType];
        try
        {
            var ranges = MediaType.ParseAccept(joined).Where(r => r.Quality > 0).ToList();
            return ranges;
        }
        catch (MediaTypeFormatException e)
        {
            throw new PacsEdgeException(ErrorCode.BadRequest, $"The Accept header does not parse: {e.Message}");
        }
    }

    /// <summary>True for */* and multipart/*, which accept a multipart/related response of any part type.</summary>
    public static bool IsWildcardForMultipart(MediaType range) =>
        range.Type == "*" || (range.Type == "multipart" && range.Subtype == "*");

    /// <summary>
    /// For multipart/related: the type parameter (its essence, lower case) or <paramref name="defaultType"/> when it
    /// is absent. Null for any other range. Quoted and unquoted forms arrive here alike (the parser unquotes).
    /// </summary>
    public static string? RelatedType(MediaType range, string defaultType)
    {
        if (!range.Is(DicomWebMediaTypes.MultipartRelated)) return null;
        var type = range.RelatedType;
        if (string.IsNullOrWhiteSpace(type)) return defaultType;
        int semicolon = type.IndexOf(';');
        return (semicolon >= 0 ? type[..semicolon] : type).Trim().ToLowerInvariant();
    }

    public static PacsEdgeException NotAcceptable(string what, IReadOnlyList<MediaType> ranges) =>
        new(ErrorCode.NotAcceptable, $"None of the accepted media types ({string.Join(", ", ranges)}) can be served for {what}.");
}
