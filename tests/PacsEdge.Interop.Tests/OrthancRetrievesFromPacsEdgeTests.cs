namespace PacsEdge.Interop.Tests;

/// <summary>Orthanc's WADO-RS client retrieves studies from PacsEdge: the files come back byte-identical.</summary>
public sealed class OrthancRetrievesFromPacsEdgeTests
{
    [Fact]
    public async Task Orthanc_retrieves_every_study_from_PacsEdge_and_each_file_is_byte_identical_to_the_original()
    {
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        var client = peers.Orthanc.Client;
        await peers.SeedAndStowAsync(corpus);
        await client.DeleteEverythingAsync();
        Assert.Empty(await client.ListAsync("instances"));

        await client.RetrieveStudiesAsync(InteropPeers.PacsEdgeName, corpus.Select(c => c.StudyUid).Distinct());

        foreach (var item in corpus)
        {
            var id = await client.FindInstanceAsync(item.SopUid);
            Assert.True(id is not null, $"{item.Name} was not retrieved into Orthanc\n{peers.Logs()}");
            Assert.True(item.Sha256 == InteropCorpus.Sha256Of(await client.GetFileAsync(id!)), $"{item.Name} came back with other bytes");
        }
        Assert.Equal(corpus.Count, (await client.ListAsync("instances")).Length);
    }

    [Fact]
    public async Task Orthanc_reads_series_metadata_from_PacsEdge_with_the_stored_UIDs()
    {
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        await peers.SeedAndStowAsync(corpus);

        foreach (var series in corpus.GroupBy(c => (c.StudyUid, c.SeriesUid)))
        {
            var metadata = (await peers.Orthanc.Client.GetFromAsync(InteropPeers.PacsEdgeName,
                $"/studies/{series.Key.StudyUid}/series/{series.Key.SeriesUid}/metadata"))!.AsArray();
            Assert.Equal(series.Select(c => c.SopUid).Order(), OrthancJson.ValuesOf(metadata, "00080018").Order());
            Assert.All(metadata, m => Assert.Equal(series.Key.SeriesUid, OrthancJson.ValueOf(m!, "0020000E")));
        }
    }
}
