using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PacsEdge.Server.Tests.Http;

/// <summary>gzip and br over real Kestrel for JSON and XML; never for DICOM or octet-stream bodies.</summary>
public class CompressionTests
{
    private static readonly string Json = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"00100010\":{{\"vr\":\"PN\",\"Value\":[{{\"Alphabetic\":\"DOE^JOHN{i}\"}}]}}}}")) + "]";
    private static readonly byte[] Binary = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 7)).ToArray();

    private static Task<InProcessServer> StartAsync() => InProcessServer.StartAsync(mapRoutes: app =>
    {
        app.MapGet("/test/json", () => Results.Text(Json, "application/dicom+json"));
        app.MapGet("/test/xml", () => Results.Text("<NativeDicomModel>" + string.Concat(Enumerable.Repeat("<DicomAttribute tag=\"00100010\" vr=\"PN\"/>", 2000)) + "</NativeDicomModel>", "application/dicom+xml; charset=utf-8"));
        app.MapGet("/test/dicom", () => Results.Bytes(Binary, "application/dicom"));
        app.MapGet("/test/octets", () => Results.Bytes(Binary, "application/octet-stream"));
    });

    private static async Task<HttpResponseMessage> GetAsync(InProcessServer server, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await server.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Json_is_compressed_with_what_the_client_accepts(string acceptEncoding, string expected)
    {
        await using var server = await StartAsync();
        var response = await GetAsync(server, "/test/json", acceptEncoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < Json.Length / 5, $"{compressed.Length} bytes for {Json.Length}");
        Stream decoder = expected == "br" ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress) : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(Json, await new StreamReader(decoder).ReadToEndAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Xml_is_compressed_too()
    {
        await using var server = await StartAsync();
        var response = await GetAsync(server, "/test/xml", "gzip");
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Without_Accept_Encoding_nothing_is_compressed()
    {
        await using var server = await StartAsync();
        var response = await GetAsync(server, "/test/json", null);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/test/dicom")]
    [InlineData("/test/octets")]
    public async Task Binary_bodies_are_never_compressed(string path)
    {
        await using var server = await StartAsync();
        var response = await GetAsync(server, path, "gzip, br");
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(Binary, await response.Content.ReadAsByteArrayAsync());
    }
}
