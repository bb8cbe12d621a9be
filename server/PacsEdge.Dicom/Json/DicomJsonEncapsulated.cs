using System.Buffers.Binary;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// Encapsulated Pixel Data as InlineBinary. PS3.18 only defines BulkDataURI for it and dcm2json
/// refuses to inline it; we inline the value field exactly as PS3.5 A.4 encodes it with undefined
/// length: the Basic Offset Table item, one item per fragment, then the Sequence Delimitation Item
/// (all little endian). That keeps fragment boundaries and the offset table, so the reader can
/// rebuild the same fragments. The reader recognises it by that structure: the value must start
/// with an Item tag and parse, item by item, to a Sequence Delimitation Item at its very end.
/// </summary>
internal static class DicomJsonEncapsulated
{
    private const uint ItemTag = 0xFFFEE000, SequenceDelimiterTag = 0xFFFEE0DD;

    public static long EncodedLength(DicomFragmentSequence pixels) =>
        8 + pixels.OffsetTable.Length + pixels.Fragments.Sum(f => 8 + f.Length) + 8;

    public static byte[] Encode(DicomFragmentSequence pixels)
    {
        long length = EncodedLength(pixels);
        if (length > Array.MaxLength) throw new DicomFormatException("encapsulated pixel data too large to inline; use a BulkDataURI", -1, pixels.Tag);
        var bytes = new byte[length];
        int pos = WriteItem(bytes, 0, ItemTag, pixels.OffsetTable);
        foreach (var fragment in pixels.Fragments) pos = WriteItem(bytes, pos, ItemTag, fragment);
        WriteItem(bytes, pos, SequenceDelimiterTag, MemoryByteSource.Empty);
        return bytes;
    }

    private static int WriteItem(byte[] bytes, int pos, uint tag, IByteSource value)
    {
        var span = bytes.AsSpan(pos);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)value.Length);
        value.Memory.Span.CopyTo(span[8..]);
        return pos + 8 + (int)value.Length;
    }

    /// <summary>The fragments, if <paramref name="bytes"/> is an encapsulated value field; null otherwise.</summary>
    public static DicomFragmentSequence? TryDecode(ReadOnlyMemory<byte> bytes, DicomTag tag, DicomVR vr)
    {
        var span = bytes.Span;
        if (span.Length < 16 || ReadTag(span) != ItemTag) return null;
        var result = new DicomFragmentSequence(tag, vr);
        int pos = 0;
        bool first = true;
        while (pos + 8 <= span.Length)
        {
            uint itemTag = ReadTag(span[pos..]);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
            pos += 8;
            if (itemTag == SequenceDelimiterTag) return length == 0 && pos == span.Length ? result : null;
            if (itemTag != ItemTag || length > span.Length - pos) return null;
            var value = new MemoryByteSource(bytes.Slice(pos, (int)length));
            if (first) result.OffsetTable = value; else result.Fragments.Add(value);
            first = false;
            pos += (int)length;
        }
        return null;
    }

    private static uint ReadTag(ReadOnlySpan<byte> s) =>
        ((uint)BinaryPrimitives.ReadUInt16LittleEndian(s) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(s[2..]);
}
