using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom.IO;
using PacsEdge.Plugins;
using PacsEdge.Viewer.Tests.Dicom;

namespace PacsEdge.Viewer.Tests.Ohif;

/// <summary>The study OHIF is shown: a synthetic CT series and a SEG of its lesion, stored through the server's own pipeline.</summary>
internal sealed record DemoStudy(SyntheticCtSeries Ct, string SegSeriesDescription, string SegSeriesInstanceUid)
{
    public const int SliceCount = 5;

    public static async Task<DemoStudy> StoreAsync(InProcessServer server, string patientName, string patientId)
    {
        var ct = SyntheticCtSeries.Create(patientName, patientId, SliceCount);
        const string segDescription = "Lesion segmentation";
        var seg = SegmentationBuilder.Create(ct, segDescription);
        var store = server.App.Services.GetRequiredService<IStoreService>();
        foreach (var file in ct.Slices.Append(seg))
        {
            using var stream = new MemoryStream(DicomFileWriter.ToBytes(file));
            var result = await store.StoreAsync(stream, new StoreRequest { Source = "viewer-test" });
            if (result.Status != StoreStatus.Stored) throw new InvalidOperationException($"storing {file.Dataset.GetString(PacsEdge.Dicom.DicomTags.SOPClassUID)} failed: {result.Reason}");
        }
        return new DemoStudy(ct, segDescription, seg.Dataset.GetString(PacsEdge.Dicom.DicomTags.SeriesInstanceUID)!);
    }
}
