using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>The two QIDO-RS response forms (PS3.18 8.3.5 / 10.6.3.2): one DICOM JSON array, or one XML part per match.</summary>
internal enum QidoFormat
{
    Json,
    Xml,
}

/// <summary>The chosen form and the Content-Type it is sent with.</summary>
internal sealed record QidoResponseType(QidoFormat Format, string ContentType);

/// <summary>
/// Accept negotiation for QIDO-RS (PS3.18 8.3.3.1): the accept query parameter wins over the header; no Accept means
/// application/dicom+json (the default). application/json and the */* and application/* ranges get DICOM JSON too;
/// multipart/related with type application/dicom+xml (or no type) gets the XML form. Entries are tried from the highest
/// q to the lowest; q=0 ones are refused. Nothing acceptable is a 406.
/// </summary>
internal static class QidoMediaTypes
{
    public static QidoResponseType Negotiate(HttpRequest request)
    {
        var accept = request.Query.TryGetValue(QidoQueryParser.Accept, out var fromQuery)
            ? string.Join(",", fromQuery.ToArray())
            : string.Join(",", request.Headers.Accept.ToArray());
        if (string.IsNullOrWhiteSpace(accept)) return Json(DicomWebMediaTypes.ApplicationDicomJson);
        IReadOnlyList<MediaType> ranges;
        try { ranges = MediaType.ParseAccept(accept); }
        catch (MediaTypeFormatException e) { throw new PacsEdgeException(ErrorCode.BadRequest, $"The Accept value '{accept}' is malformed: {e.Reason}"); }
        foreach (var range in ranges)
        {
            if (range.Quality <= 0) continue;
            if (range.Is(DicomWebMediaTypes.ApplicationDicomJson) || range.Is("application/json"))
                return Json(range.Essence.ToLowerInvariant());
            if (range.Type == "*" || (range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && range.Subtype == "*"))
                return Json(DicomWebMediaTypes.ApplicationDicomJson);
            if (range.Type.Equals("multipart", StringComparison.OrdinalIgnoreCase)
                && (range.Subtype == "*" || range.Subtype.Equals("related", StringComparison.OrdinalIgnoreCase))
                && (range.RelatedType is null || range.RelatedType.Equals(DicomWebMediaTypes.ApplicationDicomXml, StringComparison.OrdinalIgnoreCase)))
                return new QidoResponseType(QidoFormat.Xml, DicomWebMediaTypes.ApplicationDicomXml);
        }
        throw new PacsEdgeException(ErrorCode.NotAcceptable,
            $"None of '{accept}' can be served; QIDO-RS answers application/dicom+json or multipart/related; type=\"application/dicom+xml\"");
    }

    private static QidoResponseType Json(string contentType) => new(QidoFormat.Json, contentType);
}
