using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// The bytes of frame N of a data set's pixel data: for native pixel data the frame's slice (packed
/// 1-bit frames re-aligned to start at bit 0), for encapsulated pixel data the frame's fragments
/// (<see cref="EncapsulatedFrameMap"/>). Lazy file ranges are read one frame at a time.
/// </summary>
public static class FrameLocator
{
    /// <summary>Number of Frames as dcmtk reads it: absent or less than 1 means one frame.</summary>
    public static int FrameCount(DicomDataset dataset) => Math.Max(dataset.GetSingleValueOrDefault(DicomTags.NumberOfFrames, 1), 1);

    /// <summary>
    /// Frame <paramref name="frameIndex"/> (0-based) as stored: native little-endian bytes when
    /// <paramref name="syntax"/> is not encapsulated, else the frame's encoded bytes.
    /// </summary>
    public static ReadOnlyMemory<byte> GetFrame(DicomDataset dataset, TransferSyntax syntax, int frameIndex)
    {
        var item = PixelDataItem(dataset);
        if (item is DicomFragmentSequence fragments)
            return GetEncapsulatedFrame(dataset, fragments, syntax, frameIndex);
        if (syntax.IsEncapsulated && item.Tag == DicomTags.PixelData)
            throw new DicomFormatException($"{syntax.Name} needs encapsulated Pixel Data, found a plain value", -1, item.Tag);
        return GetNativeFrame((DicomElement)item, PixelFrameInfo.FromDataset(dataset), frameIndex);
    }

    public static ReadOnlyMemory<byte> GetEncapsulatedFrame(DicomDataset dataset, DicomFragmentSequence pixelData, TransferSyntax syntax, int frameIndex)
    {
        int frames = FrameCount(dataset);
        CheckIndex(frameIndex, frames);
        var where = EncapsulatedFrameMap.Build(dataset, pixelData, syntax, frames)[frameIndex];
        if (where.Length >= 0 && where.Count == 1)
            return ByteSourceSlicing.Slice(pixelData.Fragments[where.First], 0, where.Length);
        var bytes = ByteSourceSlicing.Concat(pixelData.Fragments, where.First, where.Count);
        return where.Length >= 0 ? bytes[..checked((int)where.Length)] : bytes;
    }

    public static ReadOnlyMemory<byte> GetNativeFrame(DicomElement pixelData, PixelFrameInfo info, int frameIndex)
    {
        CheckIndex(frameIndex, info.NumberOfFrames);
        long frameBits = info.FrameLengthInBits;
        long startBit = frameBits * frameIndex;
        long endByte = (startBit + frameBits + 7) / 8;
        if (endByte > pixelData.Length)
            throw new DicomFormatException($"Pixel Data holds {pixelData.Length} bytes, frame {frameIndex + 1} of {info.NumberOfFrames} needs {endByte}", -1, pixelData.Tag);
        if (startBit % 8 == 0)
            return ByteSourceSlicing.Slice(pixelData.Value, startBit / 8, info.FrameLength);
        // Packed 1-bit frames (PS3.5 8.1.1) run on without padding, so a frame can start mid-byte.
        var stored = ByteSourceSlicing.Slice(pixelData.Value, startBit / 8, endByte - startBit / 8).Span;
        return ShiftBitsDown(stored, (int)(startBit % 8), info.FrameLength, frameBits);
    }

    /// <summary>Pixel Data, else Float or Double Float Pixel Data (PS3.3 C.7.6.3.1.4).</summary>
    internal static DicomItem PixelDataItem(DicomDataset dataset) =>
        dataset.Get(DicomTags.PixelData) ?? dataset.Get(DicomTags.FloatPixelData) ?? dataset.Get(DicomTags.DoubleFloatPixelData)
        ?? throw new DicomFormatException("the data set has no Pixel Data", -1, DicomTags.PixelData);

    private static byte[] ShiftBitsDown(ReadOnlySpan<byte> stored, int shift, long length, long bits)
    {
        var frame = new byte[length];
        for (int i = 0; i < frame.Length; i++)
        {
            int low = stored[i] >> shift;
            int high = i + 1 < stored.Length ? stored[i + 1] << (8 - shift) : 0;
            frame[i] = (byte)(low | high);
        }
        int tail = (int)(bits % 8);
        if (tail != 0) frame[^1] &= (byte)((1 << tail) - 1); // bits of the next frame are not ours
        return frame;
    }

    private static void CheckIndex(int frameIndex, int frames)
    {
        if (frameIndex < 0 || frameIndex >= frames)
            throw new ArgumentOutOfRangeException(nameof(frameIndex), $"frame {frameIndex} of {frames} (0-based)");
    }
}
