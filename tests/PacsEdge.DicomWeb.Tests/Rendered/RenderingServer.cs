using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>A started server with helpers to store corpus files (through IStoreService) and fetch into files.</summary>
internal static class RenderingServer
{
    public static async Task<InProcessServer> StartAsync()
    {
        var server = await InProcessServer.StartAsync();
        await server.WaitUntilReadyAsync();
        return server;
    }

    public static async Task<StoreResult> StoreAsync(this InProcessServer server, string path)
    {
        await using var stream = File.OpenRead(path);
        var result = await server.App.Services.GetRequiredService<IStoreService>().StoreAsync(stream, new StoreRequest { Source = "test" });
        Assert.True(result.Succeeded, $"storing {Path.GetFileName(path)} failed: {result.Reason}");
        return result;
    }

    public static Task<StoreResult> StoreCorpusAsync(this InProcessServer server, string name) =>
        server.StoreAsync(CorpusFiles.PathOf("test_files/" + name));

    public static string InstanceUrl(this StoreResult r) =>
        $"/dicom-web/studies/{r.StudyInstanceUid}/series/{r.SeriesInstanceUid}/instances/{r.SopInstanceUid}";

    public static async Task<HttpResponseMessage> GetAsync(this InProcessServer server, string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await server.Client.SendAsync(request);
    }

    /// <summary>GETs an image resource, asserts 200 with the media type, and writes the body into the directory.</summary>
    public static async Task<string> FetchImageAsync(this InProcessServer server, string url, string? accept, string expectedMediaType, TempDirectory dir, string name)
    {
        using var response = await server.GetAsync(url, accept);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(expectedMediaType, response.Content.Headers.ContentType?.MediaType);
        var path = dir.Combine(name);
        await File.WriteAllBytesAsync(path, body);
        return path;
    }

    /// <summary>dcmtk's own rendering of a file as PNG (the referee), with the given dcmj2pnm options.</summary>
    public static string Dcmj2pnm(string dicomPath, TempDirectory dir, string name, params string[] options)
    {
        var output = dir.Combine(name);
        var result = ExternalTool.Run("dcmj2pnm", [.. options, "+on", dicomPath, output]);
        Assert.True(result.ExitCode == 0, $"dcmj2pnm failed: {result.StdErr}");
        return output;
    }
}
