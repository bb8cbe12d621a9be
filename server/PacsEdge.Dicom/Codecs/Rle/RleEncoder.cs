using System.Buffers.Binary;

namespace PacsEdge.Dicom.Codecs.Rle;

/// <summary>
/// RLE Lossless (PS3.5 Annex G) encoding of one native little-endian frame: one segment per byte of
/// each sample, most significant first (G.2), each row PackBits-encoded on its own (G.3.1: a run may
/// not cross a row), each segment padded to an even length.
/// </summary>
public static class RleEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> native, PixelFrameInfo info)
    {
        if (info.BitsAllocated % 8 != 0)
            throw new ArgumentException($"RLE needs Bits Allocated to be a multiple of 8, not {info.BitsAllocated}", nameof(info));
        int bytesPerSample = info.BitsAllocated / 8;
        int segments = bytesPerSample * info.SamplesPerPixel;
        if (segments > 15) throw new ArgumentException($"RLE holds at most 15 segments, this frame needs {segments}", nameof(info));
        int pixels = checked(info.Rows * info.Columns);
        if (native.Length < (long)pixels * segments)
            throw new ArgumentException($"frame of {native.Length} bytes, expected {(long)pixels * segments}", nameof(native));

        using var output = new MemoryStream();
        output.Write(new byte[64]);
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments);
        var plane = new byte[pixels];
        for (int k = 0; k < segments; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4 + 4 * k), checked((uint)output.Length));
            Gather(native, plane, k, info, bytesPerSample);
            for (int row = 0; row < info.Rows; row++)
                EncodeRow(plane.AsSpan(row * info.Columns, info.Columns), output);
            if (output.Length % 2 != 0) output.WriteByte(0x80); // -128 is a no-op: safe padding
        }
        var bytes = output.ToArray();
        header.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>PackBits: runs of 3 or more equal bytes as replicate runs, everything else as literal runs, 128 bytes at most each.</summary>
    internal static void EncodeRow(ReadOnlySpan<byte> row, Stream output)
    {
        int i = 0;
        while (i < row.Length)
        {
            int run = RunLength(row, i);
            if (run >= 3)
            {
                output.WriteByte((byte)(sbyte)(1 - run));
                output.WriteByte(row[i]);
                i += run;
                continue;
            }
            int start = i;
            while (i < row.Length && i - start < 128 && RunLength(row, i) < 3) i++;
            output.WriteByte((byte)(i - start - 1));
            output.Write(row[start..i]);
        }
    }

    private static int RunLength(ReadOnlySpan<byte> row, int i)
    {
        int n = 1;
        while (i + n < row.Length && n < 128 && row[i + n] == row[i]) n++;
        return n;
    }

    private static void Gather(ReadOnlySpan<byte> native, byte[] plane, int k, PixelFrameInfo info, int bytesPerSample)
    {
        int sample = k / bytesPerSample;
        int byteInSample = bytesPerSample - 1 - k % bytesPerSample;
        int pixels = plane.Length;
        int start = info.PlanarConfiguration == 1 ? sample * pixels * bytesPerSample + byteInSample : sample * bytesPerSample + byteInSample;
        int stride = info.PlanarConfiguration == 1 ? bytesPerSample : info.SamplesPerPixel * bytesPerSample;
        for (int p = 0, o = start; p < pixels; p++, o += stride) plane[p] = native[o];
    }
}
