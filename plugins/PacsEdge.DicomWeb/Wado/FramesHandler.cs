using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// WADO-RS Retrieve Frames (PS3.18 10.4.1.1.3): multipart/related, one part per requested frame in the order asked
/// (a frame asked twice comes twice). Every frame number is checked before the first byte goes out, so a number
/// past NumberOfFrames is a clean 404.
/// </summary>
internal sealed class FramesHandler(IDicomIndex index, IInstanceReader reader)
{
    public async Task HandleAsync(HttpContext context, string study, string series, string instance, string frames)
    {
        var ct = context.RequestAborted;
        var numbers = FrameList.Parse(frames);
        var accepted = AcceptHeader.Read(context.Request);
        var stored = await WadoTarget.ResolveInstanceAsync(index, study, series, instance, ct);
        var plan = FrameNegotiation.Plan(stored.TransferSyntaxUid, accepted)
            ?? throw AcceptHeader.NotAcceptable($"frames of an instance stored as {TransferSyntax.FromUid(stored.TransferSyntaxUid).Name}", accepted);

        var first = await StoredInstanceReads.GuardAsync(stored, "read as frames", () => reader.ReadFrameAsync(stored, numbers[0], ct));
        var outOfRange = numbers.FirstOrDefault(n => n > first.FrameCount);
        if (outOfRange != 0)
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance} has frames 1 to {first.FrameCount}, not {outOfRange}.");

        var source = plan.Decode ? new DecodingSource(reader, stored, ct) : null;
        var firstBytes = source is not null ? await source.DecodeAsync(numbers[0]) : first.Data;

        var writer = new MultipartWriter(context.Response.Body, plan.PartType,
            extraParameters: [KeyValuePair.Create("transfer-syntax", plan.TransferSyntaxUid)]);
        context.Response.ContentType = writer.ContentTypeHeaderValue;
        for (int i = 0; i < numbers.Count; i++)
        {
            var bytes = i == 0 ? firstBytes
                : source is not null ? await source.DecodeAsync(numbers[i])
                : (await StoredInstanceReads.GuardAsync(stored, "read as frames", () => reader.ReadFrameAsync(stored, numbers[i], ct))).Data;
            var headers = new MultipartHeaders(plan.PartContentType);
            await writer.WritePartAsync(headers, bytes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>Decodes encapsulated frames (RLE, JPEG Lossless) to native bytes; the file is parsed once for all frames.</summary>
    private sealed class DecodingSource(IInstanceReader reader, StoredInstance instance, CancellationToken ct)
    {
        private DicomFile? _file;

        public async Task<ReadOnlyMemory<byte>> DecodeAsync(int frameNumber)
        {
            _file ??= await StoredInstanceReads.GuardAsync(instance, "read", () => reader.ReadAsync(instance, null, ct));
            try
            {
                return PixelDataDecoder.DecodeFrame(_file.Dataset, _file.TransferSyntax, frameNumber - 1);
            }
            catch (DicomFormatException e)
            {
                throw StoredInstanceReads.Unreadable(instance, $"decoded (frame {frameNumber})", e);
            }
            catch (DicomCodecNotSupportedException e)
            {
                throw new PacsEdgeException(ErrorCode.StorageFailure, $"Frame {frameNumber} of instance {instance.Path.SopInstanceUid} cannot be decoded: {e.Message}", e);
            }
        }
    }
}
