using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Index;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// WADO-RS Retrieve Bulkdata (PS3.18 10.4.1.1.5) at the URIs the metadata hands out: multipart/related;
/// type=application/octet-stream with one part holding the value's bytes (little endian), streamed from the file.
/// Encapsulated Pixel Data has no single value: it comes as one part per frame in its stored form (the image/...
/// type of Table 8.7.3-5 with its transfer-syntax), which is what retrieving every frame would give.
/// </summary>
internal sealed class BulkDataHandler(IDicomIndex index, IInstanceReader reader)
{
    public async Task HandleAsync(HttpContext context, string study, string series, string instance, string path)
    {
        var ct = context.RequestAborted;
        var (steps, tag) = BulkDataPath.Parse(path);
        var accepted = AcceptHeader.Read(context.Request);
        var stored = await WadoTarget.ResolveInstanceAsync(index, study, series, instance, ct);
        var file = await StoredInstanceReads.GuardAsync(stored, "read", () => reader.ReadAsync(stored, null, ct));
        var item = BulkDataPath.Find(file.Dataset, steps, tag);
        var response = context.Response;
        switch (item)
        {
            case DicomElement element:
            {
                if (!Accepts(accepted, DicomWebMediaTypes.ApplicationOctetStream, null))
                    throw AcceptHeader.NotAcceptable("a bulk data value (application/octet-stream)", accepted);
                var writer = new MultipartWriter(response.Body, DicomWebMediaTypes.ApplicationOctetStream);
                response.ContentType = writer.ContentTypeHeaderValue;
                await writer.WritePartAsync(new MultipartHeaders(DicomWebMediaTypes.ApplicationOctetStream),
                    (output, token) => element.Value.IsLoaded
                        ? output.WriteAsync(element.Value.Memory, token).AsTask()
                        : SyncWriterPump.WriteAsync(element.Value.CopyTo, output, token), ct);
                await writer.CompleteAsync(ct);
                break;
            }
            case DicomFragmentSequence when steps.Count == 0:
            {
                var syntax = file.TransferSyntax;
                var partType = FrameMediaTypes.ForStoredForm(syntax.Uid);
                var type = Accepts(accepted, partType, syntax.Uid) ? partType
                    : Accepts(accepted, DicomWebMediaTypes.ApplicationOctetStream, syntax.Uid) ? DicomWebMediaTypes.ApplicationOctetStream
                    : throw AcceptHeader.NotAcceptable($"encapsulated pixel data ({partType}; transfer-syntax={syntax.Uid})", accepted);
                var writer = new MultipartWriter(response.Body, type, extraParameters: [KeyValuePair.Create("transfer-syntax", syntax.Uid)]);
                response.ContentType = writer.ContentTypeHeaderValue;
                int count = FrameLocator.FrameCount(file.Dataset);
                for (int i = 0; i < count; i++)
                    await writer.WritePartAsync(new MultipartHeaders($"{type}; transfer-syntax={syntax.Uid}"), FrameLocator.GetFrame(file.Dataset, syntax, i), ct);
                await writer.CompleteAsync(ct);
                break;
            }
            default:
                throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance} has no bulk data value at {path}.");
        }
    }

    /// <summary>
    /// True when a wildcard range, or multipart/related with this type (absent: application/octet-stream) and a
    /// transfer-syntax that is absent, * or <paramref name="storedSyntax"/> (for a plain value: absent or *).
    /// </summary>
    private static bool Accepts(IReadOnlyList<MediaType> accepted, string partType, string? storedSyntax) =>
        accepted.Any(r => AcceptHeader.IsWildcardForMultipart(r)
            || (AcceptHeader.RelatedType(r, DicomWebMediaTypes.ApplicationOctetStream) is { } t && string.Equals(t, partType, StringComparison.OrdinalIgnoreCase)
                && (r.TransferSyntax is null or DicomWebMediaTypes.AnyTransferSyntax || r.TransferSyntax == storedSyntax
                    || (storedSyntax is null && r.TransferSyntax == TransferSyntax.ExplicitVRLittleEndian.Uid))));
}
