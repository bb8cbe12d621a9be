using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Checks a STOW-RS request's Content-Type (PS3.18 10.5.1.1): multipart/related; type="application/dicom" (the
/// type parameter quoted or not, as clients send both); a missing type parameter is tolerated and each part's own
/// Content-Type decides. Other media types (including the metadata-and-bulk-data form application/dicom+json,
/// which this server does not accept) are 415; a multipart type without a boundary is 400.
/// </summary>
internal static class StowContentType
{
    public static string RequireBoundary(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            throw Unsupported("the request has no Content-Type");
        MediaType mediaType;
        try { mediaType = MediaType.Parse(contentType); }
        catch (MediaTypeFormatException e) { throw new PacsEdgeException(ErrorCode.BadRequest, $"the Content-Type '{contentType}' does not parse: {e.Reason}"); }

        if (!mediaType.Is(DicomWebMediaTypes.MultipartRelated))
            throw Unsupported($"'{mediaType.Essence}' is not accepted");
        if (mediaType.RelatedType is { } related && !IsApplicationDicom(related))
            throw Unsupported($"the multipart type parameter is '{related}'");
        var boundary = mediaType.Boundary;
        if (string.IsNullOrEmpty(boundary))
            throw new PacsEdgeException(ErrorCode.BadRequest, "the multipart/related Content-Type has no boundary parameter, so its parts cannot be found");
        return boundary;
    }

    /// <summary>True for application/dicom with or without parameters (e.g. transfer-syntax).</summary>
    public static bool IsApplicationDicom(string value) =>
        MediaType.TryParse(value, out var type, out _) && type!.Is(DicomWebMediaTypes.ApplicationDicom);

    private static PacsEdgeException Unsupported(string what) => new(ErrorCode.UnsupportedMediaType,
        $"{what}; STOW-RS takes multipart/related; type=\"{DicomWebMediaTypes.ApplicationDicom}\" with one DICOM instance per part");
}
