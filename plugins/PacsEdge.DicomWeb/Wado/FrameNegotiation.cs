using PacsEdge.Dicom;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>What the frames of one instance are sent as: each part's media type and transfer syntax, and whether an encapsulated frame is decoded first.</summary>
internal sealed record FramePlan(string PartType, string TransferSyntaxUid, bool Decode)
{
    public string PartContentType => $"{PartType}; transfer-syntax={TransferSyntaxUid}";
}

/// <summary>
/// Accept negotiation for Retrieve Frames (PS3.18 8.7.3.3.2 and 8.7.3.5). The first accepted range that the stored
/// encoding can serve wins:
/// - */* or multipart/*: the stored form (native: application/octet-stream; encapsulated: its image/... type).
/// - type=application/octet-stream; transfer-syntax=* (what OHIF sends): the stored bytes, labelled
///   application/octet-stream with the stored transfer syntax, so the client picks its decoder from the part.
/// - type=application/octet-stream with no transfer-syntax or 1.2.840.10008.1.2.1: uncompressed; native frames as
///   stored, encapsulated ones decoded when the core has a decoder (RLE, JPEG Lossless), else not servable.
/// - type=application/octet-stream; transfer-syntax=the stored UID: the stored bytes.
/// - type=image/jpeg, image/jls, image/jp2, ... (Table 8.7.3-5): the stored bytes when the stored syntax has that
///   type and transfer-syntax is absent, * or the stored UID.
/// Nothing servable: 406.
/// </summary>
internal static class FrameNegotiation
{
    public static FramePlan? Plan(string storedTransferSyntaxUid, IReadOnlyList<MediaType> accepted)
    {
        var stored = TransferSyntax.FromUid(storedTransferSyntaxUid);
        const string octet = DicomWebMediaTypes.ApplicationOctetStream;
        var native = FrameMediaTypes.NativeTransferSyntax;
        var storedForm = stored.IsEncapsulated
            ? new FramePlan(FrameMediaTypes.ForStoredForm(stored.Uid), stored.Uid, false)
            : new FramePlan(octet, native, false);
        foreach (var range in accepted)
        {
            if (AcceptHeader.IsWildcardForMultipart(range)) return storedForm;
            var type = AcceptHeader.RelatedType(range, octet);
            if (type is null) continue;
            var wanted = range.TransferSyntax;
            bool any = wanted is null or DicomWebMediaTypes.AnyTransferSyntax;
            if (type == octet)
            {
                if (!stored.IsEncapsulated && (any || wanted == native || wanted == stored.Uid)) return storedForm;
                if (stored.IsEncapsulated && (wanted == DicomWebMediaTypes.AnyTransferSyntax || wanted == stored.Uid))
                    return new FramePlan(octet, stored.Uid, false);
                if (stored.IsEncapsulated && (wanted is null || wanted == native) && PixelDataCodecRegistry.Default.CanDecode(stored))
                    return new FramePlan(octet, native, true);
            }
            else if (stored.IsEncapsulated && string.Equals(type, storedForm.PartType, StringComparison.OrdinalIgnoreCase) && (any || wanted == stored.Uid))
                return storedForm;
        }
        return null;
    }
}
