namespace PacsEdge.Interop.Tests;

/// <summary>
/// The real `pacsedge serve` process and an Orthanc that knows it as the DICOMweb server "pacsedge" (and
/// itself as "orthanc"), each with its own temp data directory.
/// </summary>
public sealed class InteropPeers : IAsyncDisposable
{
    public const string PacsEdgeName = "pacsedge";
    public const string OrthancName = "orthanc";

    private readonly TempDirectory _pacsEdgeData;

    private InteropPeers(ServerProcess pacsEdge, OrthancServer orthanc, TempDirectory pacsEdgeData)
    {
        PacsEdge = pacsEdge;
        Orthanc = orthanc;
        _pacsEdgeData = pacsEdgeData;
    }

    public ServerProcess PacsEdge { get; }
    public OrthancServer Orthanc { get; }
    public string PacsEdgeDataDirectory => _pacsEdgeData.Path;

    public static async Task<InteropPeers> StartAsync()
    {
        var data = new TempDirectory();
        ServerProcess? pacsEdge = null;
        try
        {
            pacsEdge = await PacsEdgeServeProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "pacsedge.dll"), data.Path);
            var orthanc = await OrthancProcess.StartAsync(
                new Dictionary<string, Uri> { [PacsEdgeName] = new(pacsEdge.BaseAddress, "dicom-web/") }, selfServerName: OrthancName);
            return new InteropPeers(pacsEdge, orthanc, data);
        }
        catch
        {
            if (pacsEdge is not null) await pacsEdge.DisposeAsync();
            data.Dispose();
            throw;
        }
    }

    /// <summary>Uploads the corpus to Orthanc (POST /instances) and returns Orthanc's instance ids, in corpus order.</summary>
    public async Task<string[]> SeedOrthancAsync(IReadOnlyList<InteropCorpus.Item> corpus)
    {
        var ids = new List<string>();
        foreach (var item in corpus)
        {
            var (id, status) = await Orthanc.Client.UploadAsync(item.Bytes);
            Assert.True(status == "Success", $"Orthanc did not take {item.Name}: {status}");
            ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Seeds Orthanc with the corpus and has Orthanc's STOW-RS client send all of it to PacsEdge; a failure carries both logs.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> SeedAndStowAsync(IReadOnlyList<InteropCorpus.Item> corpus)
    {
        var ids = await SeedOrthancAsync(corpus);
        try { return await Orthanc.Client.StowToAsync(PacsEdgeName, ids); }
        catch (HttpRequestException e) { throw new InvalidOperationException($"{e.Message}\n{Logs()}", e); }
    }

    /// <summary>The logs of both servers, for a failure message.</summary>
    public string Logs() => $"--- pacsedge serve ---\n{PacsEdge.LogTail}\n--- Orthanc ---\n{Orthanc.Process.LogTail}";

    public async ValueTask DisposeAsync()
    {
        await Orthanc.DisposeAsync();
        await PacsEdge.DisposeAsync();
        _pacsEdgeData.Dispose();
    }
}
