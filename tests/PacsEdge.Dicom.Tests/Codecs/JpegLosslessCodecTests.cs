using PacsEdge.Testing;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>
/// JPEG Lossless Process 14 against dcmtk: the corpus has no Process 14 file of ours to trust, so
/// dcmcjpeg makes them from native corpus images (every predictor, point transforms, fragmenting,
/// with and without offset table) and dcmdjpeg's output is the reference, frame by frame.
/// </summary>
public sealed class JpegLosslessCodecTests(TempDirectory temp) : IClassFixture<TempDirectory>
{
    /// <summary>Native sources: 16-bit signed MR and CT, 8-bit mono, RGB 8 and 16 bit, multi-frame, big-endian, and a 12-bit CT.</summary>
    private static readonly string[] Sources =
    [
        "MR_small.dcm", "CT_small.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm", "SC_rgb_small_odd.dcm",
        "rgb_2frame.dcm", "rgb16_2frame.dcm", "ct_12bit.dcm",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in Sources)
        {
            data.Add(source, "+e1");
            for (int sv = 1; sv <= 7; sv++) data.Add(source, $"+el +sv {sv}");
            data.Add(source, "+el +sv 6 +pt 2");
            data.Add(source, "+e1 +pt 5");
            data.Add(source, "+el +sv 3 +fs 1 -ot"); // 1 kB fragments, empty offset table: frames found by SOI
            data.Add(source, "+e1 +fs 1 +ot");       // 1 kB fragments with a Basic Offset Table
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes_like_dcmdjpeg(string source, string options)
    {
        var native = NativeSource(source);
        string stem = $"{source}{options.Replace(' ', '_')}";
        var compressed = temp.File(stem + ".dcm");
        ReferenceTool.Run("dcmcjpeg", [.. options.Split(' '), native, compressed]);
        var reference = temp.File(stem + ".dcmdjpeg.dcm");
        ReferenceTool.Run("dcmdjpeg", compressed, reference);

        var file = DicomFileReader.Read(compressed);
        Assert.Contains(file.TransferSyntax, new[] { TransferSyntax.JpegLossless, TransferSyntax.JpegLosslessSV1 });
        Assert.True(FrameComparison.AssertSameFrames(compressed, reference) >= 1);
    }

    [Fact]
    public void Decodes_the_corpus_lossless_RGB_file_made_by_GDCM_like_dcmdjpeg()
    {
        var source = CorpusFiles.PathOf("test_files/SC_rgb_jpeg_gdcm.dcm");
        var reference = temp.File("SC_rgb_jpeg_gdcm.dcmdjpeg.dcm");
        ReferenceTool.Run("dcmdjpeg", source, reference);
        FrameComparison.AssertSameFrames(source, reference);
    }

    [Fact]
    public void Lossless_output_equals_the_original_pixels()
    {
        // Without point transform the codec is lossless: decoding dcmcjpeg's stream gives the source back.
        var original = DicomFileReader.Read(CorpusFiles.PathOf("test_files/MR_small.dcm"));
        var compressed = temp.File("MR_small.sv7.dcm");
        ReferenceTool.Run("dcmcjpeg", "+el", "+sv", "7", CorpusFiles.PathOf("test_files/MR_small.dcm"), compressed);
        var file = DicomFileReader.Read(compressed);
        FrameComparison.AssertBytesEqual(
            FrameLocator.GetFrame(original.Dataset, original.TransferSyntax, 0).ToArray(),
            PixelDataDecoder.DecodeFrame(file.Dataset, file.TransferSyntax, 0), "MR_small predictor 7");
    }

    /// <summary>The native files dcmcjpeg starts from: corpus files, or ones derived from them with dcmtk.</summary>
    private string NativeSource(string name)
    {
        var path = temp.File("src." + name);
        lock (Sources)
        {
            if (File.Exists(path)) return path;
            var scratch = path + ".tmp";
            switch (name)
            {
                case "rgb_2frame.dcm":
                    ReferenceTool.Run("dcmdrle", CorpusFiles.PathOf("test_files/SC_rgb_rle_2frame.dcm"), scratch);
                    break;
                case "rgb16_2frame.dcm":
                    ReferenceTool.Run("dcmdrle", CorpusFiles.PathOf("test_files/SC_rgb_rle_16bit_2frame.dcm"), scratch);
                    break;
                case "ct_12bit.dcm":
                    File.Copy(CorpusFiles.PathOf("test_files/CT_small.dcm"), scratch);
                    ReferenceTool.Run("dcmodify", "-nb", "-m", "(0028,0101)=12", "-m", "(0028,0102)=11", scratch);
                    break;
                default:
                    File.Copy(CorpusFiles.PathOf("test_files/" + name), scratch);
                    break;
            }
            File.Move(scratch, path);
            return path;
        }
    }
}
