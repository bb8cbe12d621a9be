using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PacsEdge.PeerBench;

/// <summary>
/// A STOW-RS request body (multipart/related; type="application/dicom", PS3.18 10.5) produced part by part
/// while it is sent, so that a 2 GB upload never sits in the benchmark's memory either.
/// </summary>
public sealed class StowBody(IEnumerable<byte[]> instances) : HttpContent
{
    private readonly string _boundary = "peerbench-" + Guid.NewGuid().ToString("N");

    public static HttpRequestMessage Request(string studiesPath, IEnumerable<byte[]> instances)
    {
        var content = new StowBody(instances);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; type=\"application/dicom\"; boundary={content._boundary}");
        var request = new HttpRequestMessage(HttpMethod.Post, studiesPath) { Content = content };
        request.Headers.Accept.ParseAdd("application/dicom+json");
        return request;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var instance in instances)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"--{_boundary}\r\nContent-Type: application/dicom\r\n\r\n"));
            await stream.WriteAsync(instance);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"--{_boundary}--\r\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
