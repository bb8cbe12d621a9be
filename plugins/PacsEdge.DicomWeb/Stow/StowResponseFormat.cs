using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>The two encodings of the Store Instances Response Module (PS3.18 10.5.3, Annex I).</summary>
internal enum StowResponseFormat { Json, Xml }

/// <summary>
/// Picks the response encoding from Accept (PS3.18 8.7.4 / 10.5.1.2): application/dicom+json by default and for */*,
/// application/dicom+xml when asked for; application/json counts as DICOM JSON (as dcm4chee and Orthanc accept it).
/// Highest q wins, JSON on a tie; nothing acceptable is 406 before the body is read.
/// </summary>
internal static class StowResponseNegotiation
{
    private static readonly (MediaType Type, StowResponseFormat Format)[] Offers =
    [
        (MediaType.Parse(DicomWebMediaTypes.ApplicationDicomJson), StowResponseFormat.Json),
        (MediaType.Parse("application/json"), StowResponseFormat.Json),
        (MediaType.Parse(DicomWebMediaTypes.ApplicationDicomXml), StowResponseFormat.Xml),
    ];

    public static StowResponseFormat Choose(HttpRequest request)
    {
        var accept = string.Join(",", request.Headers.Accept.Where(v => !string.IsNullOrWhiteSpace(v)));
        if (accept.Length == 0) return StowResponseFormat.Json;
        IReadOnlyList<MediaType> ranges;
        try { ranges = MediaType.ParseAccept(accept); }
        catch (MediaTypeFormatException e) { throw new PacsEdgeException(ErrorCode.BadRequest, $"the Accept header does not parse: {e.Reason}"); }

        StowResponseFormat? best = null;
        double bestQ = 0;
        foreach (var (type, format) in Offers)
        {
            // The most specific range that covers the offer decides its weight (RFC 9110 12.5.1).
            var range = ranges.Where(type.IsWithin).OrderByDescending(Specificity).FirstOrDefault();
            if (range is null || range.Quality <= 0 || range.Quality <= bestQ) continue;
            best = format;
            bestQ = range.Quality;
        }
        return best ?? throw new PacsEdgeException(ErrorCode.NotAcceptable,
            $"STOW-RS answers in {DicomWebMediaTypes.ApplicationDicomJson} or {DicomWebMediaTypes.ApplicationDicomXml}; the Accept header '{accept}' allows neither");
    }

    private static int Specificity(MediaType range) => range.Type == "*" ? 0 : range.Subtype == "*" ? 1 : 2;
}
