using System.Buffers.Binary;
using System.IO.Compression;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// For a Deflated Explicit VR Little Endian file, how many bytes the data set inflates to. The reader
/// parses the inflated bytes, so that, not the file size, is what its allocation budget scales with.
/// Walks the meta group itself (PS3.10 7.1: explicit VR little endian after the 132-byte prefix)
/// rather than trusting the reader under test.
/// </summary>
public static class InflatedSize
{
    private const string DeflatedUid = "1.2.840.10008.1.2.1.99";
    private const long Cap = 64L << 20;

    /// <summary>Inflated bytes (up to the point where the deflate stream breaks), or 0 for other files.</summary>
    public static long Of(byte[] file)
    {
        if (file.Length < 132 || !file.AsSpan(128, 4).SequenceEqual("DICM"u8)) return 0;
        int at = 132;
        bool deflated = false;
        while (at + 8 <= file.Length && BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at)) == 0x0002)
        {
            ushort element = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 2));
            bool longLength = DicomVRInfo.TryParse(file[at + 4], file[at + 5], out var vr) && vr.HasLongExplicitLength();
            long length = longLength ? (at + 12 <= file.Length ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)) : long.MaxValue)
                                     : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 6));
            int header = longLength ? 12 : 8;
            if (length > file.Length - at - header) return 0;
            if (element == 0x0010)
                deflated = System.Text.Encoding.ASCII.GetString(file, at + header, (int)length).TrimEnd('\0', ' ') == DeflatedUid;
            at += header + (int)length;
        }
        return deflated ? Inflate(file.AsSpan(at).ToArray()) : 0;
    }

    private static long Inflate(byte[] compressed)
    {
        using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            for (int n; total < Cap && (n = inflater.Read(buffer)) > 0;) total += n;
        }
        catch (InvalidDataException)
        {
            // A corrupt stream inflates as far as it goes; the reader sees exactly that much.
        }
        return total;
    }
}
