using System.Buffers;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Json;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// One instance's metadata as a DICOM JSON object (PS3.18 F.2), without bulk values: binary values (OB, OD, OF,
/// OL, OV, OW, UN) of at least the threshold, and every Pixel Data / Float Pixel Data / Double Float Pixel Data,
/// become a BulkDataURI {instance}/bulkdata/{tag path} (<see cref="DicomTagPath.ToUriPath"/>), which the bulkdata
/// route resolves. Pixel Data points at the bulkdata resource too, as Orthanc's plugin does (its /bulk route),
/// rather than at /frames as dcm4chee-arc: every BulkDataURI then resolves through one route, and viewers fetch
/// frames through /frames anyway.
/// </summary>
internal static class MetadataJson
{
    public static async Task<byte[]> BuildAsync(IInstanceReader reader, StoredInstance instance, string baseUrl, long threshold, CancellationToken cancellationToken)
    {
        // Values at or above the threshold become URIs, so they are never read: the reader leaves them in the file.
        var file = await StoredInstanceReads.GuardAsync(instance, "read",
            () => reader.ReadAsync(instance, new DicomReaderOptions { LazyValueThreshold = threshold }, cancellationToken));
        var instanceUrl = new Http.DicomWebUrls(baseUrl).Instance(instance.Path.StudyInstanceUid, instance.Path.SeriesInstanceUid!, instance.Path.SopInstanceUid!);
        var options = new DicomJsonWriterOptions
        {
            BulkDataThreshold = 0,
            BulkDataUri = bulk => IsPixelData(bulk.Path) || bulk.Length >= threshold ? $"{instanceUrl}/bulkdata/{bulk.Path.ToUriPath()}" : null,
            // Metadata must not fail on one odd float: PS3.18 F.2.3.1 allows these as strings.
            NonFiniteNumbers = NonFiniteNumberHandling.String,
        };
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            DicomJsonWriter.Write(buffer, file.Dataset, options);
        }
        catch (DicomFormatException e)
        {
            throw StoredInstanceReads.Unreadable(instance, "converted to JSON", e);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static bool IsPixelData(DicomTagPath path) =>
        path.Sequence is null && (path.Tag == DicomTags.PixelData || path.Tag == DicomTags.FloatPixelData || path.Tag == DicomTags.DoubleFloatPixelData);
}
