namespace PacsEdge.Interop.Tests;

/// <summary>Orthanc's STOW-RS client sends instances to PacsEdge; PacsEdge keeps the bytes Orthanc sent.</summary>
public sealed class OrthancStoresToPacsEdgeTests
{
    [Fact]
    public async Task Orthanc_stows_every_corpus_instance_and_PacsEdge_stores_the_same_bytes()
    {
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        var ids = await peers.SeedOrthancAsync(corpus);

        var answer = await peers.Orthanc.Client.StowToAsync(InteropPeers.PacsEdgeName, ids);

        Assert.True((string?)answer["InstancesCount"] == corpus.Count.ToString(), $"{answer.ToJsonString()}\n{peers.Logs()}");
        // Content-addressed or not, every file PacsEdge keeps is hashed: each original must be there unchanged.
        // (The running server holds its lock file and index open; those are not instances.)
        var stored = Directory.EnumerateFiles(peers.PacsEdgeDataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is not (".lock" or ".db" or ".db-wal" or ".db-shm"))
            .Select(f => InteropCorpus.Sha256Of(File.ReadAllBytes(f))).ToHashSet();
        Assert.All(corpus, item => Assert.True(stored.Contains(item.Sha256), $"{item.Name} is not stored byte-identical"));
    }

    [Fact]
    public async Task Orthanc_stows_a_study_a_second_time_and_PacsEdge_accepts_the_identical_instances()
    {
        var corpus = InteropCorpus.Load().Take(3).ToList();
        await using var peers = await InteropPeers.StartAsync();
        var ids = await peers.SeedOrthancAsync(corpus);

        await peers.Orthanc.Client.StowToAsync(InteropPeers.PacsEdgeName, ids);
        var again = await peers.Orthanc.Client.StowToAsync(InteropPeers.PacsEdgeName, ids);

        Assert.Equal(corpus.Count.ToString(), (string?)again["InstancesCount"]);
        var listed = await peers.Orthanc.Client.QidoAsync(InteropPeers.PacsEdgeName, "/instances");
        Assert.Equal(corpus.Select(c => c.SopUid).Order(), OrthancJson.ValuesOf(listed, "00080018").Order());
    }
}
