namespace PacsEdge.Interop.Tests;

/// <summary>Orthanc's QIDO-RS client queries PacsEdge: the answers list what was stored, at every level.</summary>
public sealed class OrthancQueriesPacsEdgeTests
{
    [Fact]
    public async Task Orthanc_finds_each_patients_studies_series_and_instances_on_PacsEdge()
    {
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        await peers.SeedAndStowAsync(corpus);
        var client = peers.Orthanc.Client;

        foreach (var patient in corpus.Where(c => c.PatientId.Length > 0 && !c.PatientId.Contains('\\')).GroupBy(c => c.PatientId))
        {
            var studies = await client.QidoAsync(InteropPeers.PacsEdgeName, "/studies", new Dictionary<string, string> { ["PatientID"] = patient.Key });
            Assert.Equal(patient.Select(c => c.StudyUid).Distinct().Order(), OrthancJson.ValuesOf(studies, "0020000D").Order());
        }
        foreach (var study in corpus.GroupBy(c => c.StudyUid))
        {
            var series = await client.QidoAsync(InteropPeers.PacsEdgeName, $"/studies/{study.Key}/series");
            Assert.Equal(study.Select(c => c.SeriesUid).Distinct().Order(), OrthancJson.ValuesOf(series, "0020000E").Order());
            foreach (var one in study.GroupBy(c => c.SeriesUid))
            {
                var instances = await client.QidoAsync(InteropPeers.PacsEdgeName, $"/studies/{study.Key}/series/{one.Key}/instances");
                Assert.Equal(one.Select(c => c.SopUid).Order(), OrthancJson.ValuesOf(instances, "00080018").Order());
            }
        }
    }

    [Fact]
    public async Task Orthanc_sends_a_wildcard_percent_encoded_and_PacsEdge_matches_it_as_a_wildcard()
    {
        // Orthanc's client percent-encodes '*' (%2A); PS3.18 8.3.4 matching applies to the decoded value.
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        await peers.SeedAndStowAsync(corpus);

        var all = await peers.Orthanc.Client.QidoAsync(InteropPeers.PacsEdgeName, "/studies", new Dictionary<string, string> { ["PatientID"] = "*" });

        Assert.Equal(corpus.Select(c => c.StudyUid).Distinct().Order(), OrthancJson.ValuesOf(all, "0020000D").Order());
    }
}
