using System.Buffers.Binary;
using System.Text;
using PacsEdge.Dicom.Dump;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>
/// Values around dcmdump's 70-character cut (the corpus has none between 67 and 71 characters): a file
/// written here byte by byte (Explicit VR Little Endian, no meta group), dumped by us and by dcmdump.
/// </summary>
public class DumpTruncationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Values_at_the_cut_length_match_dcmdump(bool printAll)
    {
        var bytes = new MemoryStream();
        Text(bytes, 0x0008, 0x1030, "LT", new string('A', 66));
        Text(bytes, 0x0018, 0x1030, "LO", new string('E', 67));      // "[...]" 69 characters: whole
        Text(bytes, 0x0018, 0x106A, "LO", new string('F', 69));      // 71: cut
        Text(bytes, 0x0020, 0x4000, "LT", new string('B', 68));      // 70: whole
        Text(bytes, 0x0028, 0x0034, "IS", string.Join('\\', Enumerable.Repeat("1", 35)));
        Binary(bytes, 0x0028, 0x0010, "US", 35);                      // 69 characters: whole
        Binary(bytes, 0x0028, 0x0011, "US", 36);                      // 71: cut after whole values
        Binary(bytes, 0x0040, 0x0280, "OB", 24);                      // 71: cut
        var path = Path.Combine(Path.GetTempPath(), $"pacsedge-dump-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, bytes.ToArray());
        try
        {
            var (exit, expected) = printAll ? Dcmdump.Run(path, "-Un", "+L") : Dcmdump.Run(path, "-Un");
            Assert.Equal(0, exit);
            Assert.Equal(!printAll, expected.Contains("...", StringComparison.Ordinal)); // the cut is really exercised
            var ours = DicomTextDumper.ToString(DicomFileReader.Read(path), new DicomDumpOptions { MapUidNames = false, PrintAllValues = printAll });
            Assert.Equal(expected, ours);
        }
        finally { File.Delete(path); }
    }

    private static void Text(Stream s, ushort group, ushort element, string vr, string value)
    {
        if (value.Length % 2 == 1) value += " ";
        Header(s, group, element, vr, value.Length);
        s.Write(Encoding.ASCII.GetBytes(value));
    }

    private static void Binary(Stream s, ushort group, ushort element, string vr, int count)
    {
        int size = vr == "US" ? 2 : 1;
        Header(s, group, element, vr, count * size);
        for (int i = 0; i < count; i++) s.Write(size == 2 ? [1, 0] : [0xab]);
    }

    private static void Header(Stream s, ushort group, ushort element, string vr, int length)
    {
        Span<byte> h = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(h, group);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], element);
        h[4] = (byte)vr[0];
        h[5] = (byte)vr[1];
        if (vr == "OB")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)length);
            s.Write(h);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)length);
            s.Write(h[..8]);
        }
    }
}
