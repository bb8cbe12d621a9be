using System.Buffers.Binary;

namespace PacsEdge.Dicom.Codecs.Rle;

/// <summary>
/// RLE Lossless (PS3.5 Annex G) decoding of one frame. The frame starts with a 64-byte header
/// (segment count, then up to 15 segment offsets, little-endian); segment k holds byte k of every
/// sample, most significant byte first, sample by sample (G.2). Each segment is a PackBits byte
/// stream (G.3.1) that decodes to Rows*Columns bytes.
/// </summary>
public static class RleDecoder
{
    private const int HeaderLength = 64;

    /// <summary>Decodes to native little-endian bytes, interleaved or planar as Planar Configuration says (dcmdrle does the same).</summary>
    public static byte[] Decode(ReadOnlySpan<byte> frame, PixelFrameInfo info)
    {
        if (info.BitsAllocated % 8 != 0)
            throw new DicomFormatException($"RLE needs Bits Allocated to be a multiple of 8, not {info.BitsAllocated}", -1, DicomTags.BitsAllocated);
        if (frame.Length < HeaderLength)
            throw new DicomFormatException($"RLE frame of {frame.Length} bytes is shorter than its 64-byte header", 0);
        int bytesPerSample = info.BitsAllocated / 8;
        int samples = info.SamplesPerPixel;
        long expectedSegments = (long)bytesPerSample * samples;
        uint segments = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (segments != expectedSegments || segments is < 1 or > 15)
            throw new DicomFormatException($"RLE header declares {segments} segments, {bytesPerSample} bytes x {samples} samples need {expectedSegments}", 0);

        long pixelsLong = (long)info.Rows * info.Columns;
        if (pixelsLong * expectedSegments > Array.MaxLength)
            throw new DicomFormatException($"a {info.Rows} x {info.Columns} frame is too large to decode", -1, DicomTags.Rows);
        int pixels = (int)pixelsLong;
        var output = new byte[pixels * expectedSegments];
        var plane = new byte[pixels];
        for (int k = 0; k < segments; k++)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + 4 * k)..]);
            uint end = k + 1 < segments ? BinaryPrimitives.ReadUInt32LittleEndian(frame[(8 + 4 * k)..]) : (uint)frame.Length;
            if (start < HeaderLength || start > end || end > frame.Length)
                throw new DicomFormatException($"RLE segment {k + 1} spans bytes {start} to {end} of a {frame.Length}-byte frame", 4 + 4 * k);
            DecodeSegment(frame[(int)start..(int)end], plane, start);
            Scatter(plane, output, k, info, bytesPerSample);
        }
        return output;
    }

    /// <summary>PackBits (G.3.1): n in 0..127 copies n+1 literal bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op.</summary>
    internal static void DecodeSegment(ReadOnlySpan<byte> segment, Span<byte> plane, long segmentOffset)
    {
        int inPos = 0, outPos = 0;
        while (outPos < plane.Length)
        {
            if (inPos >= segment.Length)
                throw new DicomFormatException($"RLE segment ended after {outPos} of {plane.Length} bytes", segmentOffset + inPos);
            int n = (sbyte)segment[inPos++];
            if (n >= 0)
            {
                int count = n + 1;
                if (inPos + count > segment.Length)
                    throw new DicomFormatException($"RLE literal run of {count} bytes passes the end of its segment", segmentOffset + inPos - 1);
                count = Math.Min(count, plane.Length - outPos); // a run past the row end is clipped, as dcmtk does
                segment.Slice(inPos, count).CopyTo(plane[outPos..]);
                inPos += n + 1;
                outPos += count;
            }
            else if (n != -128)
            {
                if (inPos >= segment.Length)
                    throw new DicomFormatException("RLE replicate run has no byte to repeat", segmentOffset + inPos - 1);
                int count = Math.Min(1 - n, plane.Length - outPos);
                plane.Slice(outPos, count).Fill(segment[inPos++]);
                outPos += count;
            }
        }
    }

    /// <summary>Puts segment k (byte k % bytesPerSample, MSB first, of sample k / bytesPerSample) into the little-endian output.</summary>
    private static void Scatter(byte[] plane, byte[] output, int k, PixelFrameInfo info, int bytesPerSample)
    {
        int sample = k / bytesPerSample;
        int byteInSample = bytesPerSample - 1 - k % bytesPerSample;
        int pixels = plane.Length;
        int start, stride;
        if (info.PlanarConfiguration == 1)
        {
            start = sample * pixels * bytesPerSample + byteInSample;
            stride = bytesPerSample;
        }
        else
        {
            start = sample * bytesPerSample + byteInSample;
            stride = info.SamplesPerPixel * bytesPerSample;
        }
        for (int p = 0, o = start; p < pixels; p++, o += stride) output[o] = plane[p];
    }
}
