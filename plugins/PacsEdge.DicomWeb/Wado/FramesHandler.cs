using System.Buffers;
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
/// past NumberOfFrames is a clean 404. Frames sent as stored are copied from the file to the response in pooled
/// chunks (<see cref="IInstanceReader.OpenFrameAsync"/>), never held whole.
/// </summary>
internal sealed class FramesHandler(IDicomIndex index, IInstanceReader reader)
{
    private const int CopyChunk = 64 * 1024;

    public async Task HandleAsync(HttpContext context, string study, string series, string instance, string frames)
    {
        var ct = context.RequestAborted;
        var numbers = FrameList.Parse(frames);
        var accepted = AcceptHeader.Read(context.Request);
        var stored = await WadoTarget.ResolveInstanceAsync(index, study, series, instance, ct);
        var plan = FrameNegotiation.Plan(stored.TransferSyntaxUid, accepted)
            ?? throw AcceptHeader.NotAcceptable($"frames of an instance stored as {TransferSyntax.FromUid(stored.TransferSyntaxUid).Name}", accepted);

        var first = await StoredInstanceReads.GuardAsync(stored, "read as frames", () => reader.OpenFrameAsync(stored, numbers[0], ct));
        try
        {
            var outOfRange = numbers.FirstOrDefault(n => n > first.FrameCount);
            if (outOfRange != 0)
                throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance} has frames 1 to {first.FrameCount}, not {outOfRange}.");
            if (plan.Decode)
                await WriteDecodedAsync(context, plan, stored, numbers, ct);
            else
                await WriteStoredAsync(context, plan, stored, numbers, first, ct);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private async Task WriteStoredAsync(HttpContext context, FramePlan plan, StoredInstance stored, IReadOnlyList<int> numbers, OpenedFrame first, CancellationToken ct)
    {
        var writer = StartMultipart(context, plan);
        for (int i = 0; i < numbers.Count; i++)
        {
            var frame = i == 0 ? first : await StoredInstanceReads.GuardAsync(stored, "read as frames", () => reader.OpenFrameAsync(stored, numbers[i], ct));
            try
            {
                await writer.WritePartAsync(new MultipartHeaders(plan.PartContentType), (output, token) => CopyAsync(frame.Content, output, token), ct);
            }
            finally
            {
                if (i != 0) await frame.DisposeAsync();
            }
        }
        await writer.CompleteAsync(ct);
    }

    private async Task WriteDecodedAsync(HttpContext context, FramePlan plan, StoredInstance stored, IReadOnlyList<int> numbers, CancellationToken ct)
    {
        var source = new DecodingSource(reader, stored, ct);
        var firstBytes = await source.DecodeAsync(numbers[0]); // a frame that cannot be decoded fails before the first byte
        var writer = StartMultipart(context, plan);
        for (int i = 0; i < numbers.Count; i++)
        {
            var bytes = i == 0 ? firstBytes : await source.DecodeAsync(numbers[i]);
            await writer.WritePartAsync(new MultipartHeaders(plan.PartContentType), bytes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static MultipartWriter StartMultipart(HttpContext context, FramePlan plan)
    {
        var writer = new MultipartWriter(context.Response.Body, plan.PartType,
            extraParameters: [KeyValuePair.Create("transfer-syntax", plan.TransferSyntaxUid)]);
        context.Response.ContentType = writer.ContentTypeHeaderValue;
        return writer;
    }

    /// <summary>File to response through one pooled chunk: the page cache is read straight into it and Kestrel copies it into its pipe.</summary>
    private static async Task CopyAsync(Stream frame, Stream output, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            int n;
            while ((n = await frame.ReadAsync(buffer.AsMemory(0, CopyChunk), ct)) > 0)
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
