using PacsEdge.Dicom.IO;

namespace PacsEdge.Viewer.Tests.Dicom;

/// <summary>dicom3tools' dciodvfy (an IOD checker nobody here wrote) finds no error in the demo CT slices and SEG.</summary>
public sealed class SegmentationValidityTests
{
    [Fact]
    public void The_synthetic_CT_and_its_SEG_pass_dciodvfy_without_errors()
    {
        var ct = SyntheticCtSeries.Create("Validity^Check", "VAL-1", 5);
        var seg = SegmentationBuilder.Create(ct, "Lesion SEG");
        using var temp = new TempDirectory();
        var files = new List<(string Name, string Path)> { ("CT slice 1", temp.Combine("ct1.dcm")), ("SEG", temp.Combine("seg.dcm")) };
        DicomFileWriter.Write(files[0].Path, ct.Slices[0]);
        DicomFileWriter.Write(files[1].Path, seg);
        foreach (var (name, path) in files)
        {
            var result = ExternalTool.Run("dciodvfy", [path]);
            var errors = result.StdErr.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, $"dciodvfy errors in the {name}:\n{result.StdErr}");
            Assert.Contains(name == "SEG" ? "Segmentation" : "CTImage", result.StdErr + result.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_SEG_has_one_frame_per_lesion_slice_with_one_bit_per_pixel()
    {
        var ct = SyntheticCtSeries.Create("Frames^Check", "VAL-2", 5);
        var file = DicomFileReader.Read(DicomFileWriter.ToBytes(SegmentationBuilder.Create(ct, "Lesion SEG")));
        var frames = int.Parse(file.Dataset.GetString(PacsEdge.Dicom.DicomTags.NumberOfFrames)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(frames, 3, 5);
        var pixelData = (PacsEdge.Dicom.Dataset.DicomElement)file.Dataset.Get(PacsEdge.Dicom.DicomTags.PixelData)!;
        Assert.Equal(frames * 256 * 256 / 8, pixelData.Length);
        Assert.Equal(ct.FrameOfReferenceUid, file.Dataset.GetString(PacsEdge.Dicom.DicomTags.FrameOfReferenceUID));
    }
}
