using PacsEdge.Testing;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Codecs;

public sealed class UnsupportedAndCorruptTests(TempDirectory temp) : IClassFixture<TempDirectory>
{
    /// <summary>Corpus files in encapsulated syntaxes we have no codec for (JPEG baseline/extended, JPEG-LS, JPEG 2000).</summary>
    public static TheoryData<string> UnsupportedCorpusFiles() => new(UnsupportedNames());

    private static string[] UnsupportedNames() => CorpusFiles.All
        .Where(f => RleCodecTests.SyntaxOf(f) is { IsEncapsulated: true } ts && !PixelDataCodecRegistry.Default.CanDecode(ts)
                    && DicomFileReader.Read(f).Dataset.Contains(DicomTags.PixelData))
        .Select(f => Path.GetRelativePath(CorpusFiles.Root, f)).ToArray();

    [Fact]
    public void Corpus_has_unsupported_syntaxes_of_each_family()
    {
        var syntaxes = UnsupportedNames().Select(n => RleCodecTests.SyntaxOf(CorpusFiles.PathOf(n))!.Uid).ToHashSet();
        Assert.Superset(new HashSet<string> { "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" }, syntaxes);
    }

    [Theory]
    [MemberData(nameof(UnsupportedCorpusFiles))]
    public void Unsupported_syntax_is_reported_by_name_and_UID(string name)
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf(name));
        var e = Assert.Throws<DicomCodecNotSupportedException>(() => PixelDataDecoder.DecodeFrame(file.Dataset, file.TransferSyntax, 0));
        Assert.Equal(file.TransferSyntax, e.TransferSyntax);
        Assert.Contains(file.TransferSyntax.Name, e.Message);
        Assert.Contains(file.TransferSyntax.Uid, e.Message);
    }

    public static TheoryData<string> EncodedFrames() => new("MR_small_RLE.dcm", "SC_rgb_rle_16bit.dcm", "SC_rgb_rle_32bit.dcm", "SC_rgb_jpeg_gdcm.dcm", "MR_small.sv6.dcm", "MR_small.pt2.dcm");

    /// <summary>Truncated and bit-flipped frames end in a decoded image or DicomFormatException, never another exception.</summary>
    [Theory]
    [MemberData(nameof(EncodedFrames))]
    public void Corrupt_frames_throw_only_format_errors(string name)
    {
        var path = name.StartsWith("MR_small.", StringComparison.Ordinal) ? Compressed(name) : CorpusFiles.PathOf("test_files/" + name);
        var file = DicomFileReader.Read(path);
        var info = PixelFrameInfo.FromDataset(file.Dataset);
        var codec = PixelDataCodecRegistry.Default.GetDecoder(file.TransferSyntax);
        var frame = FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, 0).ToArray();
        int formatErrors = 0;

        for (int length = 0; length < frame.Length; length += Math.Max(1, frame.Length / 97))
            formatErrors += DecodesOrFailsTyped(codec, frame.AsSpan(0, length), info);

        var random = new Random(name.Length);
        for (int trial = 0; trial < 300; trial++)
        {
            var copy = (byte[])frame.Clone();
            int flips = 1 + trial % 4;
            for (int i = 0; i < flips; i++)
            {
                // Headers are where the interesting failures hide: aim half the flips at the first 80 bytes.
                int at = trial % 2 == 0 ? random.Next(Math.Min(80, copy.Length)) : random.Next(copy.Length);
                copy[at] ^= (byte)(1 << random.Next(8));
            }
            formatErrors += DecodesOrFailsTyped(codec, copy, info);
        }
        Assert.True(formatErrors > 0, "no corruption was detected at all");
    }

    private static int DecodesOrFailsTyped(IPixelDataCodec codec, ReadOnlySpan<byte> encoded, PixelFrameInfo info)
    {
        try
        {
            var decoded = codec.DecodeFrame(encoded, info);
            Assert.Equal(decoded.Info.FrameLength, decoded.Bytes.Length);
            return 0;
        }
        catch (DicomFormatException)
        {
            return 1;
        }
    }

    private string Compressed(string name)
    {
        var path = temp.File(name);
        if (!File.Exists(path))
            ReferenceTool.Run("dcmcjpeg", [.. (name.Contains("sv6") ? new[] { "+el", "+sv", "6" } : ["+e1", "+pt", "2"]), CorpusFiles.PathOf("test_files/MR_small.dcm"), path]);
        return path;
    }
}
