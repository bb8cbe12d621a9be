using System.Security.Cryptography;
using System.Text.Json;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// Python's standard-library email package (email.mime + BytesGenerator with policy HTTP, and
/// email.parser) as the referee, both ways, with corpus DICOM files as application/dicom parts.
/// </summary>
public class PythonEmailInteropTests
{
    private static readonly string Script = RepoPaths.Of("tests", "PacsEdge.Dicom.Tests", "Multipart", "python_email_multipart.py");

    /// <summary>A spread of corpus files: small and large, explicit/implicit VR, compressed and not.</summary>
    private static readonly string[] Files = CorpusFiles.All
        .Where(f => Path.GetFileName(f) is "CT_small.dcm" or "MR_small.dcm" or "rtplan.dcm" or "JPEG2000.dcm" or "SC_rgb_jpeg_dcmd.dcm" or "waveform_ecg.dcm" or "no_meta.dcm" or "emri_small_RLE.dcm")
        .ToArray();

    [Fact]
    public async Task Reads_what_Python_email_writes_as_Python_reads_it()
    {
        Assert.True(Files.Length >= 6, "corpus files missing");
        var dir = Directory.CreateTempSubdirectory("pacsedge-multipart-");
        try
        {
            var contentType = ExternalTool.RunChecked("/usr/bin/python3", ["-B", Script, "write", dir.FullName, .. Files]).StdOut.Trim();
            var body = await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "body.bin"));
            var reader = MultipartReader.ForContentType(new ChunkedReadStream(body, new Random(7), 4096), contentType);
            // Python quotes its "===...==" boundary; ours must come out unquoted.
            Assert.StartsWith("===============", reader.Boundary);

            var parts = MultipartTestReading.ReadAll(reader, new Random(8), async: true);
            Assert.Equal(Files.Length, parts.Count);
            for (int i = 0; i < Files.Length; i++)
            {
                var python = await File.ReadAllBytesAsync(Path.Combine(dir.FullName, $"part{i}.bin"));
                Assert.True(python.AsSpan().SequenceEqual(parts[i]!.Body), $"part {i} ({Path.GetFileName(Files[i])}) differs from Python's reading");
                Assert.Equal("application/dicom", parts[i]!.Header("Content-Type"));
                Assert.Equal($"file{i}.dcm", parts[i]!.Header("Content-Location"));
                Assert.Equal("binary", parts[i]!.Header("Content-Transfer-Encoding"));
                // Python's generator writes every line ending in a payload (CRLF, CR or LF) as CRLF (policy HTTP).
                var original = await File.ReadAllBytesAsync(Files[i]);
                Assert.True(CrlfNormalized(original).AsSpan().SequenceEqual(parts[i]!.Body), $"part {i} is not {Path.GetFileName(Files[i])} with CRLF line endings");
            }
        }
        finally { dir.Delete(recursive: true); }
    }

    private static byte[] CrlfNormalized(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length + bytes.Length / 64);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' || bytes[i] == '\n')
            {
                if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
                result.Add((byte)'\r');
                result.Add((byte)'\n');
            }
            else result.Add(bytes[i]);
        }
        return [.. result];
    }

    [Fact]
    public async Task Python_email_reads_what_we_write_byte_for_byte()
    {
        var path = Path.GetTempFileName();
        try
        {
            string contentType;
            await using (var file = File.Create(path))
            {
                var writer = new MultipartWriter(file, extraParameters: [KeyValuePair.Create("transfer-syntax", "*")]);
                foreach (var f in Files)
                {
                    await using var source = File.OpenRead(f);
                    await writer.WritePartAsync(new MultipartHeaders("application/dicom").Add("Content-Location", Path.GetFileName(f)), source);
                }
                await writer.CompleteAsync();
                contentType = writer.ContentTypeHeaderValue;
            }
            var result = JsonDocument.Parse(ExternalTool.RunChecked("/usr/bin/python3", ["-B", Script, "read", contentType, path]).StdOut).RootElement;
            Assert.Equal(0, result.GetProperty("defects").GetArrayLength());
            var parts = result.GetProperty("parts");
            Assert.Equal(Files.Length, parts.GetArrayLength());
            for (int i = 0; i < Files.Length; i++)
            {
                var bytes = await File.ReadAllBytesAsync(Files[i]);
                Assert.Equal(bytes.Length, parts[i].GetProperty("length").GetInt32());
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), parts[i].GetProperty("sha256").GetString());
                var headers = parts[i].GetProperty("headers").EnumerateArray().Select(h => (h[0].GetString(), h[1].GetString())).ToArray();
                Assert.Equal([("Content-Type", "application/dicom"), ("Content-Location", Path.GetFileName(Files[i]))], headers);
            }
        }
        finally { File.Delete(path); }
    }
}
