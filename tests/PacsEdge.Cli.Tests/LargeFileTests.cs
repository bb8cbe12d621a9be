using System.Buffers.Binary;
using System.Text;
using PacsEdge.Cli.Commands;

namespace PacsEdge.Cli.Tests;

/// <summary>
/// A 3 GB multi-frame file (sparse on disk, so the test costs no disk space) is dumped without its
/// pixel data ever being read into memory: the reader keeps only the value's offset and length.
/// </summary>
public class LargeFileTests
{
    [Fact]
    public void Dumping_a_3_GB_file_allocates_a_few_megabytes_at_most()
    {
        var dir = Directory.CreateTempSubdirectory("pacsedge-large");
        try
        {
            var path = Path.Combine(dir.FullName, "large.dcm");
            const long pixelBytes = 3L << 30;
            WriteSparseMultiframe(path, pixelBytes);

            foreach (var json in new[] { false, true })
            {
                var output = new MemoryStream();
                var error = new StringWriter();
                var settings = new DumpCommand.Settings(json, false, false, false, json ? 1024 : null, null, true, false);
                long before = GC.GetAllocatedBytesForCurrentThread();
                int exit = DumpCommand.Run(new FileInfo(path), settings, output, error);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                Assert.True(exit == 0, error.ToString());
                Assert.True(allocated < 16 << 20, $"allocated {allocated:N0} bytes for a {pixelBytes:N0}-byte file");
                var text = Encoding.UTF8.GetString(output.ToArray());
                Assert.Contains(json ? "\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\"" : "PixelData", text);
            }
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Header bytes written by hand (Explicit VR LE), then the file is extended to hold the pixel data.</summary>
    private static void WriteSparseMultiframe(string path, long pixelBytes)
    {
        var ms = new MemoryStream();
        ms.Write(new byte[128]);
        ms.Write("DICM"u8);
        var meta = new MemoryStream();
        Element(meta, 0x0002, 0x0010, "UI", Encoding.ASCII.GetBytes("1.2.840.10008.1.2.1\0"));
        Element(ms, 0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length));
        meta.WriteTo(ms);
        Element(ms, 0x0008, 0x0060, "CS", "CT"u8.ToArray());
        Element(ms, 0x0028, 0x0008, "IS", "6144"u8.ToArray());
        Element(ms, 0x0028, 0x0010, "US", BitConverter.GetBytes((ushort)512));
        Element(ms, 0x0028, 0x0011, "US", BitConverter.GetBytes((ushort)512));
        Element(ms, 0x0028, 0x0100, "US", BitConverter.GetBytes((ushort)16));
        // Pixel Data header: tag, OW, reserved, 32-bit length; the value itself is the sparse tail.
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 0x0010);
        header[4] = (byte)'O'; header[5] = (byte)'W';
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), checked((uint)pixelBytes));
        ms.Write(header);
        using var file = new FileStream(path, FileMode.CreateNew);
        ms.WriteTo(file);
        file.SetLength(file.Length + pixelBytes);
    }

    private static void Element(Stream s, ushort group, ushort element, string vr, byte[] value)
    {
        var h = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(h, group);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(2), element);
        h[4] = (byte)vr[0]; h[5] = (byte)vr[1];
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(6), (ushort)value.Length);
        s.Write(h);
        s.Write(value);
    }
}
