using PacsEdge.Testing;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Codecs.Rle;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>RLE Lossless against dcmtk's dcmdrle and dcmcrle, pixel for pixel.</summary>
public sealed class RleCodecTests(TempDirectory temp) : IClassFixture<TempDirectory>
{
    public static TheoryData<string> RleCorpusFiles() => new(CorpusFiles.All
        .Where(f => SyntaxOf(f) == TransferSyntax.RleLossless)
        .Select(f => Path.GetRelativePath(CorpusFiles.Root, f)));

    internal static TransferSyntax? SyntaxOf(string path)
    {
        try { return DicomFileReader.Read(path, DicomReaderOptions.UntilPixelData).TransferSyntax; }
        catch (DicomFormatException) { return null; } // the corpus holds a few non-DICOM files
    }

    /// <summary>Native corpus images RLE can hold (Bits Allocated a multiple of 8), to compress with dcmcrle.</summary>
    public static TheoryData<string> NativeCorpusImages() => new(
        "test_files/MR_small.dcm", "test_files/CT_small.dcm", "test_files/rtdose.dcm", "test_files/SC_rgb_small_odd.dcm",
        "test_files/ExplVR_BigEnd.dcm", "test_files/MR_small_bigendian.dcm",
        "test_files/image_dfl.dcm", "test_files/rtdose_expb.dcm");

    [Fact]
    public void Corpus_has_the_RLE_files_the_tests_rely_on() =>
        Assert.True(RleCorpusFiles().Count >= 8, $"only {RleCorpusFiles().Count} RLE corpus files");

    [Theory]
    [MemberData(nameof(RleCorpusFiles))]
    public void Corpus_RLE_decodes_like_dcmdrle(string name)
    {
        var reference = temp.File(Path.GetFileName(name) + ".dcmdrle.dcm");
        ReferenceTool.Run("dcmdrle", CorpusFiles.PathOf(name), reference);
        Assert.True(FrameComparison.AssertSameFrames(CorpusFiles.PathOf(name), reference) >= 1);
    }

    [Theory]
    [MemberData(nameof(NativeCorpusImages))]
    public void Dcmcrle_output_decodes_to_the_original_pixels(string name)
    {
        var compressed = temp.File(Path.GetFileName(name) + ".dcmcrle.dcm");
        ReferenceTool.Run("dcmcrle", CorpusFiles.PathOf(name), compressed);
        var roundTrip = temp.File(Path.GetFileName(name) + ".dcmcrle.dcmdrle.dcm");
        ReferenceTool.Run("dcmdrle", compressed, roundTrip);
        FrameComparison.AssertSameFrames(compressed, roundTrip);

        // dcmcrle keeps the pixels, so our decoding also equals the original file's frames.
        var original = DicomFileReader.Read(CorpusFiles.PathOf(name));
        var file = DicomFileReader.Read(compressed);
        for (int f = 0; f < FrameLocator.FrameCount(original.Dataset); f++)
            FrameComparison.AssertBytesEqual(
                FrameLocator.GetFrame(original.Dataset, original.TransferSyntax, f).ToArray(),
                PixelDataDecoder.DecodeFrame(file.Dataset, file.TransferSyntax, f), $"{name} frame {f + 1}");
    }

    /// <summary>
    /// Our encoder against dcmtk: the dcmcrle file's fragments are replaced by ours, written out by
    /// pydicom, and dcmdrle must give back the original pixels.
    /// </summary>
    [Theory]
    [MemberData(nameof(NativeCorpusImages))]
    public void Our_RLE_encoding_decodes_with_dcmdrle(string name)
    {
        var original = DicomFileReader.Read(CorpusFiles.PathOf(name));
        var info = PixelFrameInfo.FromDataset(original.Dataset);
        var frames = new List<string>();
        for (int f = 0; f < info.NumberOfFrames; f++)
        {
            var native = FrameLocator.GetFrame(original.Dataset, original.TransferSyntax, f).Span;
            var encoded = RleEncoder.Encode(native, info);
            FrameComparison.AssertBytesEqual(native.ToArray(), RleDecoder.Decode(encoded, info), $"{name} frame {f + 1} round trip");
            var path = temp.File($"{Path.GetFileName(name)}.ours.{f}.rle");
            File.WriteAllBytes(path, encoded);
            frames.Add(path);
        }
        var template = temp.File(Path.GetFileName(name) + ".template.dcm");
        ReferenceTool.Run("dcmcrle", CorpusFiles.PathOf(name), template);
        var ours = temp.File(Path.GetFileName(name) + ".ours.dcm");
        ReferenceTool.Run("/usr/bin/python3", ["-c", ReplaceFragmentsScript, template, ours, .. frames]);
        var decoded = temp.File(Path.GetFileName(name) + ".ours.dcmdrle.dcm");
        ReferenceTool.Run("dcmdrle", ours, decoded);
        var reference = DicomFileReader.Read(decoded);
        for (int f = 0; f < info.NumberOfFrames; f++)
            FrameComparison.AssertBytesEqual(
                FrameLocator.GetFrame(original.Dataset, original.TransferSyntax, f).ToArray(),
                FrameLocator.GetFrame(reference.Dataset, reference.TransferSyntax, f).ToArray(), $"dcmdrle of our {name} frame {f + 1}");
    }

    private const string ReplaceFragmentsScript = """
        import sys, pydicom
        from pydicom.encaps import encapsulate
        ds = pydicom.dcmread(sys.argv[1])
        frames = [open(p, 'rb').read() for p in sys.argv[3:]]
        ds.PixelData = encapsulate(frames, has_bot=True)
        ds.save_as(sys.argv[2])
        """;

    [Fact]
    public void Planar_configuration_1_is_kept_as_dcmdrle_keeps_it()
    {
        // dcmcrle has no planar option; dcmconv cannot change it either, so make the native source with
        // our encoder's inverse: a colour-by-plane copy of an RGB corpus image, via pydicom.
        var source = CorpusFiles.PathOf("test_files/SC_rgb_small_odd.dcm");
        var planar = temp.File("planar.dcm");
        ReferenceTool.Run("/usr/bin/python3", "-c", """
            import sys, pydicom, numpy
            ds = pydicom.dcmread(sys.argv[1])
            arr = ds.pixel_array
            ds.PlanarConfiguration = 1
            ds.PixelData = numpy.ascontiguousarray(arr.transpose(2, 0, 1)).tobytes()
            ds.save_as(sys.argv[2])
            """, source, planar);
        var compressed = temp.File("planar.rle.dcm");
        ReferenceTool.Run("dcmcrle", planar, compressed);
        var reference = temp.File("planar.rle.dcmdrle.dcm");
        ReferenceTool.Run("dcmdrle", compressed, reference);
        FrameComparison.AssertSameFrames(compressed, reference);
        Assert.Equal(1, PixelFrameInfo.FromDataset(DicomFileReader.Read(reference).Dataset).PlanarConfiguration);
    }
}
