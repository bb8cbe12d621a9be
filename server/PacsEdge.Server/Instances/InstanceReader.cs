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
/// (pixel data) stay in the file as lazy ranges: a frame read touches only that frame's bytes.
/// </summary>
public sealed class InstanceReader(IBlobStore blobs, BlobPaths paths) : IInstanceReader
{
    /// <summary>Values this long or longer stay in the file unless the caller's options say otherwise.</summary>
    public const long DefaultLazyValueThreshold = 64 * 1024;

    public Task<Stream> OpenAsync(StoredInstance instance, CancellationToken cancellationToken = default) =>
        blobs.OpenReadAsync(BlobKey.Parse(instance.BlobKey), null, cancellationToken);

    public Task<DicomFile> ReadAsync(StoredInstance instance, DicomReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = paths.FileOf(BlobKey.Parse(instance.BlobKey));
        if (!File.Exists(path))
            throw new PacsEdgeException(ErrorCode.BlobNotFound, $"The file of instance {instance.Path.SopInstanceUid} is missing from the store.");
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
        if (!file.Dataset.Contains(DicomTags.PixelData) && !file.Dataset.Contains(DicomTags.FloatPixelData) && !file.Dataset.Contains(DicomTags.DoubleFloatPixelData))
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance.Path.SopInstanceUid} has no pixel data.");
        int count = FrameLocator.FrameCount(file.Dataset);
        if (frameNumber < 1 || frameNumber > count)
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {instance.Path.SopInstanceUid} has frames 1 to {count}, not {frameNumber}.");
        var data = FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, frameNumber - 1);
        return new InstanceFrame(frameNumber, count, file.TransferSyntax.Uid, file.TransferSyntax.IsEncapsulated, data);
    }
}
