using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

/// <summary>A real server with instances stored through the store pipeline (STOW is tested elsewhere).</summary>
public sealed class WadoServer : IAsyncDisposable
{
    private WadoServer(InProcessServer server) => Server = server;

    public InProcessServer Server { get; }
    public HttpClient Client => Server.Client;

    /// <summary>Every file stored (first store of each SOP Instance UID wins, as the server's default duplicate policy does).</summary>
    public Dictionary<string, StoreResult> Stored { get; } = new(StringComparer.Ordinal);

    public static async Task<WadoServer> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var server = new WadoServer(await InProcessServer.StartAsync(overrides: overrides));
        await server.Server.WaitUntilReadyAsync();
        return server;
    }

    public async Task<StoreResult> StoreAsync(string path) => await StoreAsync(await File.ReadAllBytesAsync(path), path);

    public async Task<StoreResult> StoreAsync(byte[] bytes, string key)
    {
        var store = Server.App.Services.GetRequiredService<IStoreService>();
        using var stream = new MemoryStream(bytes);
        var result = await store.StoreAsync(stream, new StoreRequest { Source = "test" });
        Stored[key] = result;
        return result;
    }

    /// <summary>
    /// The file's bytes, or when its meta group names another SOP Instance UID than its data set (rtdose.dcm), a copy
    /// with that one element fixed (the store pipeline refuses the inconsistency); pixel data and encoding unchanged.
    /// </summary>
    public static byte[] ConsistentCopy(string path)
    {
        var file = DicomFileReader.Read(path);
        var sop = file.Dataset.GetString(DicomTags.SOPInstanceUID);
        if (sop is null || file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID) == sop) return File.ReadAllBytes(path);
        file.FileMetaInformation.AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sop);
        return DicomFileWriter.ToBytes(file);
    }

    public static string InstancePath(StoreResult r) =>
        $"/dicom-web/studies/{r.StudyInstanceUid}/series/{r.SeriesInstanceUid}/instances/{r.SopInstanceUid}";

    /// <summary>GET with an Accept header; asserts that the server never answers 5xx.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? accept = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        configure?.Invoke(request);
        var response = await Client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The parts of a multipart/related response, read with the core's streaming reader.</summary>
    public static async Task<List<(string ContentType, byte[] Body)>> ReadPartsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!.ToString();
        var reader = MultipartReader.ForContentType(await response.Content.ReadAsStreamAsync(), contentType);
        var parts = new List<(string, byte[])>();
        while (await reader.ReadNextPartAsync() is { } part)
        {
            using var body = new MemoryStream();
            await part.Body.CopyToAsync(body);
            parts.Add((part.ContentType ?? "", body.ToArray()));
        }
        return parts;
    }

    /// <summary>Asserts a problem response (RFC 9457) with this status.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync());
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>One server for a test class with the whole pydicom corpus stored.</summary>
public sealed class CorpusServerFixture : IAsyncLifetime
{
    public WadoServer Wado { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Wado = await WadoServer.StartAsync();
        foreach (var file in CorpusFiles.All) await Wado.StoreAsync(file);
    }

    /// <summary>The corpus file's store result when this very file (these bytes) is what the server holds.</summary>
    public StoreResult? StoredAsIs(string name)
    {
        var path = CorpusFiles.PathOf(name);
        return Wado.Stored.TryGetValue(path, out var r) && r.Status == StoreStatus.Stored ? r : null;
    }

    public async Task DisposeAsync() => await Wado.DisposeAsync();
}
