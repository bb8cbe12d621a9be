using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Index.Model;

namespace PacsEdge.Plugins;

/// <summary>Reads stored instances (as the index lists them in <see cref="StoredInstance"/>) and their frames.</summary>
public interface IInstanceReader
{
    /// <summary>The stored file, byte for byte as it arrived (a Part 10 file with its meta group). Seekable.</summary>
    Task<Stream> OpenAsync(StoredInstance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// The parsed file. Values at least <see cref="DicomReaderOptions.LazyValueThreshold"/> long stay in the file
    /// and are read when used (default options: 64 KiB), so metadata of a large multi-frame instance is cheap.
    /// </summary>
    Task<DicomFile> ReadAsync(StoredInstance instance, DicomReaderOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frame <paramref name="frameNumber"/> (1-based, as in WADO-RS /frames/{n}) in its stored form: native pixel
    /// bytes (little endian) or the encapsulated frame's compressed bytes. Throws
    /// <see cref="Errors.PacsEdgeException"/> with <see cref="Errors.ErrorCode.ResourceNotFound"/> for a number outside
    /// 1..NumberOfFrames or an instance without pixel data.
    /// </summary>
    Task<InstanceFrame> ReadFrameAsync(StoredInstance instance, int frameNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frame <paramref name="frameNumber"/> as <see cref="ReadFrameAsync"/> gives it, opened as a stream instead of
    /// held in memory: the host reads it straight from the stored file's range(s), with the frame layout cached per
    /// stored file, so serving a frame costs no parse and no frame-sized buffer. Same errors as ReadFrameAsync.
    /// The default wraps ReadFrameAsync (for readers that cannot do better).
    /// </summary>
    async Task<OpenedFrame> OpenFrameAsync(StoredInstance instance, int frameNumber, CancellationToken cancellationToken = default) =>
        OpenedFrame.FromMemory(await ReadFrameAsync(instance, frameNumber, cancellationToken).ConfigureAwait(false));
}

/// <summary>One frame's bytes and how they are encoded.</summary>
/// <param name="TransferSyntaxUid">the stored transfer syntax (an encapsulated frame is in that compression)</param>
/// <param name="IsEncapsulated">true when <paramref name="Data"/> is a compressed bitstream</param>
public sealed record InstanceFrame(int FrameNumber, int FrameCount, string TransferSyntaxUid, bool IsEncapsulated, ReadOnlyMemory<byte> Data);
