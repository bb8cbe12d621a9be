using PacsEdge.Dicom;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.IO;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Instances;

/// <summary>
/// Reads stored instances from the file blob store. Parsing goes through the file path so that large values
/// (pixel data) stay in the file as lazy ranges: a frame read touches only that frame's bytes. Frame layouts are
/// cached by blob key, so opening a frame of a file seen before costs no parse.
/// </summary>
public sealed class InstanceReader(IBlobStore blobs, BlobPaths paths) : IInstanceReader
{
    /// <summary>Values this long or longer stay in the file unless the caller's options say otherwise.</summary>
    public const long DefaultLazyValueThreshold = 64 * 1024;

    private readonly FrameLayoutCache _layouts = new();

    public Task<Stream> OpenAsync(StoredInstance instance, CancellationToken cancellationToken = default) =>
        blobs.OpenReadAsync(BlobKey.Parse(instance.BlobKey), null, cancellationToken);

    public Task<DicomFile> ReadAsync(StoredInstance instance, DicomReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(instance);
        try
        {
            return Task.FromResult(DicomFileReader.Read(path, options ?? new DicomReaderOptions { LazyValueThreshold = DefaultLazyValueThreshold }));
        }
        catch (IOException e)
        {
            throw new PacsEdgeException(ErrorCode.StorageFailure, $"Reading instance {instance.Path.SopInstanceUid} failed.", e);
        }
    }

    public async Task<InstanceFrame> ReadFrameAsync(StoredInstance instance, int frameNumber, CancellationToken cancellationToken = default)
    {
        var file = await ReadAsync(instance, null, cancellationToken);
        CheckHasPixelData(file, instance);
        int count = FrameLocator.FrameCount(file.Dataset);
        CheckFrameNumber(instance, frameNumber, count);
        var data = FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, frameNumber - 1);
        return new InstanceFrame(frameNumber, count, file.TransferSyntax.Uid, file.TransferSyntax.IsEncapsulated, data);
    }

    public async Task<OpenedFrame> OpenFrameAsync(StoredInstance instance, int frameNumber, CancellationToken cancellationToken = default)
    {
        var layout = await LayoutOfAsync(instance, cancellationToken);
        CheckFrameNumber(instance, frameNumber, layout.FrameCount);
        if (!layout.Streamable)
            return OpenedFrame.FromMemory(await ReadFrameAsync(instance, frameNumber, cancellationToken));
        var ranges = layout.RangesOf(frameNumber - 1);
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(paths.FileOf(BlobKey.Parse(instance.BlobKey)), FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PacsEdgeException(ErrorCode.BlobNotFound, $"The file of instance {instance.Path.SopInstanceUid} is missing from the store.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PacsEdgeException(ErrorCode.StorageFailure, $"Opening instance {instance.Path.SopInstanceUid} failed.", e);
        }
        var stream = new FileRangesStream(handle, ranges);
        return new OpenedFrame(frameNumber, layout.FrameCount, layout.TransferSyntax.Uid, layout.TransferSyntax.IsEncapsulated, stream.Length, stream);
    }

    private async Task<FrameLayout> LayoutOfAsync(StoredInstance instance, CancellationToken cancellationToken)
    {
        if (_layouts.TryGet(instance.BlobKey, out var cached)) return cached;
        var file = await ReadAsync(instance, null, cancellationToken);
        CheckHasPixelData(file, instance);
        FrameLayout layout;
        try
        {
            layout = FrameLayout.Of(file);
        }
        catch (DicomFormatException e)
        {
            throw new PacsEdgeException(ErrorCode.StorageFailure, $"The frames of instance {instance.Path.SopInstanceUid} cannot be located: {e.Message}", e);
        }
        _layouts.Add(instance.BlobKey, layout);
        return layout;
    }

    private string PathOf(StoredInstance instance)
    {
        var path = paths.FileOf(BlobKey.Parse(instance.BlobKey));
        if (!File.Exists(path))
            throw new PacsEdgeException(ErrorCode.BlobNotFound, $"The file of instance {instance.Path.SopInstanceUid} is missing from the store.");
        return path;
    }

    private static void CheckHasPixelData(DicomFile file, StoredInstance instance)
    {
        if (!file.Dataset.Contains(DicomTags.PixelData) && !file.Dataset.Contains(DicomTags.FloatPixelData) && !file.Dataset.Contains(DicomTags.DoubleFloatPixelData))
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance.Path.SopInstanceUid} has no pixel data.");
    }

    private static void CheckFrameNumber(StoredInstance instance, int frameNumber, int count)
    {
        if (frameNumber < 1 || frameNumber > count)
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance.Path.SopInstanceUid} has frames 1 to {count}, not {frameNumber}.");
    }
}
