using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz.Regressions;

/// <summary>
/// Found while sizing the fuzz test's time budget: reading a deflated file from a non-seekable
/// stream copied the last (up to 64 KiB) compressed bytes one byte per pass, each pass re-asking the
/// stream and compacting the buffer: quadratic, ~0.3 s for a 130 KB file. Counting the stream's
/// read calls pins it without a timing assertion.
/// </summary>
public class DeflatedStreamTailTests
{
    [Fact]
    public void Deflated_file_from_non_seekable_stream_is_read_in_a_few_passes()
    {
        var pixels = new byte[65536 + 65000];
        new Random(1).NextBytes(pixels); // incompressible, so the compressed tail is nearly 64 KiB
        var dataset = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT").Element(0x7FE0, 0x0010, "OB", pixels).ToArray();
        var stream = new NonSeekableReadStream(CraftedDicom.Deflated(dataset), int.MaxValue);

        var file = DicomFileReader.Read(stream);

        Assert.Equal(pixels, Assert.IsType<DicomElement>(file.Dataset.Get(DicomTags.PixelData)).Span.ToArray());
        Assert.True(stream.ReadCalls < 100, $"{stream.ReadCalls} read calls for a {pixels.Length}-byte value");
    }
}
