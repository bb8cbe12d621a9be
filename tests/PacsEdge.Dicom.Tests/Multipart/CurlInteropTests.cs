using System.Net;
using System.Net.Sockets;
using System.Text;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// curl as a STOW-RS client (the way DICOMweb guides show it: -F parts with type=application/dicom
/// under a multipart/related Content-Type): a loopback socket captures the exact request bytes curl
/// sends, and the reader must find curl's boundary and give back every file byte for byte.
/// </summary>
public class CurlInteropTests
{
    [Fact]
    public async Task Reads_a_STOW_request_body_as_curl_sends_it()
    {
        var files = CorpusFiles.All.Where(f => Path.GetFileName(f) is "CT_small.dcm" or "MR_small.dcm" or "rtplan.dcm").ToArray();
        Assert.Equal(3, files.Length);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var capture = CaptureOneRequest(listener);

        var args = new List<string> { "-sS", "--max-time", "30", "-H", "Expect:", "-H", "Content-Type: multipart/related; type=\"application/dicom\"" };
        foreach (var f in files) args.AddRange(["-F", $"file=@{f};type=application/dicom"]);
        args.Add($"http://127.0.0.1:{port}/dicom-web/studies");
        var curl = await Task.Run(() => ExternalTool.Run("curl", args, timeoutMs: 60_000));
        Assert.True(curl.ExitCode == 0, curl.StdErr);
        var (contentType, body) = await capture.WaitAsync(TimeSpan.FromSeconds(30));

        // curl keeps our type and appends its own boundary parameter.
        var mediaType = MediaType.Parse(contentType);
        Assert.Equal("multipart/related", mediaType.Essence);
        Assert.Equal("application/dicom", mediaType.RelatedType);
        var parts = MultipartTestReading.ReadAll(MultipartReader.ForContentType(new ChunkedReadStream(body, new Random(3), 1000), contentType), new Random(4), async: false);
        Assert.Equal(files.Length, parts.Count);
        for (int i = 0; i < files.Length; i++)
        {
            Assert.Equal(await File.ReadAllBytesAsync(files[i]), parts[i]!.Body);
            Assert.Equal("application/dicom", parts[i]!.Header("Content-Type"));
            Assert.Contains($"filename=\"{Path.GetFileName(files[i])}\"", parts[i]!.Header("Content-Disposition"));
        }
    }

    /// <summary>Accepts one HTTP/1.1 request, answers 200 and returns its Content-Type and body.</summary>
    private static async Task<(string ContentType, byte[] Body)> CaptureOneRequest(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new MemoryStream();
        var buffer = new byte[65536];
        int headerEnd;
        while ((headerEnd = received.ToArray().AsSpan().IndexOf("\r\n\r\n"u8)) < 0)
            received.Write(buffer, 0, await ReadSome(stream, buffer));
        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd).Split("\r\n");
        string Header(string name) => head.Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
        int length = int.Parse(Header("Content-Length"));
        while (received.Length < headerEnd + 4 + length)
            received.Write(buffer, 0, await ReadSome(stream, buffer));
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        return (Header("Content-Type"), received.ToArray().AsSpan(headerEnd + 4, length).ToArray());
    }

    private static async Task<int> ReadSome(NetworkStream stream, byte[] buffer)
    {
        int n = await stream.ReadAsync(buffer);
        return n > 0 ? n : throw new EndOfStreamException("curl closed the connection early");
    }
}
