using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// Writes Explicit VR Little Endian bytes by hand (PS3.5 7.1.2), for inputs no sane writer would
/// produce: lying lengths, deep nesting, thousands of elements. Independent of the code under test.
/// </summary>
public sealed class CraftedDicom
{
    public const uint Undefined = 0xFFFFFFFF;
    private readonly MemoryStream _bytes = new();

    public byte[] ToArray() => _bytes.ToArray();

    public CraftedDicom Element(ushort group, ushort element, string vr, ReadOnlySpan<byte> value)
    {
        Tag(group, element);
        _bytes.Write(Encoding.ASCII.GetBytes(vr));
        if (DicomVRInfo.TryParse(vr, out var v) && v.HasLongExplicitLength()) { U16(0); U32((uint)value.Length); }
        else U16((ushort)value.Length);
        _bytes.Write(value);
        return this;
    }

    public CraftedDicom Text(ushort group, ushort element, string vr, string text)
    {
        if (text.Length % 2 == 1) text += vr == "UI" ? "\0" : " ";
        return Element(group, element, vr, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>A sequence header (tag, "SQ", length); items follow.</summary>
    public CraftedDicom Sequence(ushort group, ushort element, uint length = Undefined)
    {
        Tag(group, element);
        _bytes.Write("SQ"u8);
        U16(0);
        U32(length);
        return this;
    }

    public CraftedDicom Item(uint length = Undefined) { Tag(0xFFFE, 0xE000); U32(length); return this; }
    public CraftedDicom ItemEnd() { Tag(0xFFFE, 0xE00D); U32(0); return this; }
    public CraftedDicom SequenceEnd() { Tag(0xFFFE, 0xE0DD); U32(0); return this; }

    /// <summary>A Part 10 file: preamble, "DICM", a meta group naming the transfer syntax, then <paramref name="dataset"/>.</summary>
    public static byte[] Part10(string transferSyntaxUid, byte[] dataset)
    {
        var meta = new CraftedDicom()
            .Text(0x0002, 0x0001, "OB", "\0\u0001")
            .Text(0x0002, 0x0010, "UI", transferSyntaxUid).ToArray();
        var header = new CraftedDicom();
        header._bytes.Write(new byte[128]);
        header._bytes.Write("DICM"u8);
        header.Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length));
        header._bytes.Write(meta);
        header._bytes.Write(dataset);
        return header.ToArray();
    }

    /// <summary>A Deflated Explicit VR Little Endian file (PS3.5 A.5: raw deflate after the meta group).</summary>
    public static byte[] Deflated(byte[] dataset)
    {
        var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(dataset);
        return Part10("1.2.840.10008.1.2.1.99", compressed.ToArray());
    }

    private void Tag(ushort group, ushort element) { U16(group); U16(element); }
    private void U16(ushort v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); _bytes.Write(b); }
    private void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); _bytes.Write(b); }
}
