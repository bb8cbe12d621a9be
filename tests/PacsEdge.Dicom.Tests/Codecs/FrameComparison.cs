using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>Compares our decoding of a compressed file with the native file a dcmtk tool wrote, frame by frame.</summary>
internal static class FrameComparison
{
    /// <summary>Decodes every frame of <paramref name="compressedPath"/> and asserts it equals the frame of <paramref name="referencePath"/>.</summary>
    public static int AssertSameFrames(string compressedPath, string referencePath)
    {
        var compressed = DicomFileReader.Read(compressedPath);
        var reference = DicomFileReader.Read(referencePath);
        Assert.False(reference.TransferSyntax.IsEncapsulated, $"{referencePath} should be native");
        int frames = FrameLocator.FrameCount(reference.Dataset);
        Assert.Equal(frames, FrameLocator.FrameCount(compressed.Dataset));
        var referenceInfo = PixelFrameInfo.FromDataset(reference.Dataset);
        for (int f = 0; f < frames; f++)
        {
            var decoded = PixelDataDecoder.Decode(compressed.Dataset, compressed.TransferSyntax, f);
            var expected = FrameLocator.GetFrame(reference.Dataset, reference.TransferSyntax, f).ToArray();
            Assert.Equal(referenceInfo.BitsAllocated, decoded.Info.BitsAllocated);
            Assert.Equal(referenceInfo.PlanarConfiguration, decoded.Info.PlanarConfiguration);
            AssertBytesEqual(expected, decoded.Bytes, $"{Path.GetFileName(compressedPath)} frame {f + 1}");
        }
        return frames;
    }

    public static void AssertBytesEqual(byte[] expected, byte[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} bytes, dcmtk has {expected.Length}");
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{what}: first difference at byte {first}: ours {(first < actual.Length ? actual[first] : -1)}, dcmtk {(first < expected.Length ? expected[first] : -1)}");
    }
}
