using System.Buffers.Binary;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Bench;

/// <summary>
/// Just enough of a Part 10 writer to produce benchmark input (the core has no writer yet):
/// preamble, "DICM", the meta group with a fresh group length, then the data set in Explicit VR
/// Little Endian (PS3.5 7.1.2), sequences and items with undefined length (PS3.5 7.5).
/// </summary>
public static class Part10Writer
{
    public static byte[] ExplicitLittleEndian(DicomFile file)
    {
        var meta = new MemoryStream();
        foreach (var item in file.FileMetaInformation)
            if (item.Tag.Element != 0x0000) Write(meta, item);
        var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        Span<byte> groupLength = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)meta.Length);
        Header(output, new DicomTag(0x00020000), DicomVR.UL, 4);
        output.Write(groupLength);
        meta.WriteTo(output);
        foreach (var item in file.Dataset) Write(output, item);
        return output.ToArray();
    }

    private static void Write(Stream s, DicomItem item)
    {
        switch (item)
        {
            case DicomElement e:
                Header(s, e.Tag, e.VR, (uint)e.Length);
                e.Value.CopyTo(s);
                break;
            case DicomSequence sq:
                Header(s, sq.Tag, DicomVR.SQ, 0xFFFFFFFF);
                foreach (var child in sq.Items)
                {
                    Marker(s, 0xFFFEE000, 0xFFFFFFFF);
                    foreach (var x in child) Write(s, x);
                    Marker(s, 0xFFFEE00D, 0);
                }
                Marker(s, 0xFFFEE0DD, 0);
                break;
            default:
                throw new NotSupportedException($"{item} (encapsulated pixel data) is not needed for the benchmark input");
        }
    }

    private static void Header(Stream s, DicomTag tag, DicomVR vr, uint length)
    {
        Span<byte> b = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(b, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], tag.Element);
        b[4] = (byte)((ushort)vr >> 8);
        b[5] = (byte)vr;
        if (vr.HasLongExplicitLength())
        {
            b[6] = b[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(b[8..], length);
            s.Write(b);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b[6..], (ushort)length);
            s.Write(b[..8]);
        }
    }

    private static void Marker(Stream s, uint tag, uint length)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], length);
        s.Write(b);
    }
}
