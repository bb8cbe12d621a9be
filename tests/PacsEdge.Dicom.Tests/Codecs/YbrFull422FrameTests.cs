using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.IO;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>
/// Native YBR_FULL_422 stores Y Y Cb Cr per pair of pixels (PS3.3 C.7.6.3.1.2): a frame is Rows x Columns x 2 samples,
/// not x 3. pydicom (the referee) gives the frame bytes, sized by its own get_expected_length.
/// </summary>
public sealed class YbrFull422FrameTests(TempDirectory temp) : IClassFixture<TempDirectory>
{
    // Prints each frame's raw bytes as hex, one a line; with argv[2], first writes a 2-frame copy of argv[1] there
    // (frame 2 = frame 1 reversed), so that frame 2's offset is checked too.
    private const string Script = """
        import sys, pydicom
        from pydicom.pixel_data_handlers.util import get_expected_length
        ds = pydicom.dcmread(sys.argv[1])
        if len(sys.argv) > 2:
            ds.PixelData = ds.PixelData + ds.PixelData[::-1]
            ds.NumberOfFrames = 2
            ds.save_as(sys.argv[2])
            ds = pydicom.dcmread(sys.argv[2])
        n = int(ds.get('NumberOfFrames', 1) or 1)
        size = get_expected_length(ds, 'bytes') // n
        for i in range(n):
            print(ds.PixelData[i * size:(i + 1) * size].hex())
        """;

    [Fact]
    public void Single_frame_corpus_file_gives_pydicoms_20000_bytes()
    {
        var path = CorpusFiles.PathOf("test_files/SC_ybr_full_422_uncompressed.dcm");
        AssertFramesMatchPydicom(path, ReferenceTool.Run("/usr/bin/python3", "-c", Script, path));
    }

    [Fact]
    public void Second_frame_starts_after_two_samples_per_pixel()
    {
        var source = CorpusFiles.PathOf("test_files/SC_ybr_full_422_uncompressed.dcm");
        var twoFrames = temp.File("ybr422-2frames.dcm");
        var expected = ReferenceTool.Run("/usr/bin/python3", "-c", Script, source, twoFrames);
        AssertFramesMatchPydicom(twoFrames, expected);
    }

    private static void AssertFramesMatchPydicom(string path, string pydicomHexLines)
    {
        var expected = pydicomHexLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromHexString).ToList();
        var file = DicomFileReader.Read(path);
        var info = PixelFrameInfo.FromDataset(file.Dataset);
        Assert.True(info.IsChromaSubsampled422);
        Assert.Equal(expected.Count, info.NumberOfFrames);
        for (int f = 0; f < expected.Count; f++)
        {
            Assert.Equal(20_000, expected[f].Length); // 100 x 100 pixels x 2 samples x 1 byte
            Assert.Equal(expected[f], FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, f).ToArray());
            Assert.Equal(expected[f], PixelDataDecoder.DecodeFrame(file.Dataset, file.TransferSyntax, f));
        }
    }
}
