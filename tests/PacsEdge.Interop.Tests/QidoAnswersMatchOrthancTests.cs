using System.Text.Json.Nodes;

namespace PacsEdge.Interop.Tests;

/// <summary>
/// The other direction: PacsEdge's and Orthanc's own QIDO-RS answers for the same instances, asked directly
/// over HTTP, carry the same values for the attributes both return by default (PS3.18 table 6.7.1-2).
/// </summary>
public sealed class QidoAnswersMatchOrthancTests
{
    private static readonly string[] StudyKeys =
    [
        "00080020", "00080030", "00080050", "00100010", "00100020", "00100030", "00100040", "0020000D", "00200010",
        "00201206", "00201208",
    ];

    private static readonly string[] SeriesKeys = ["00080060", "0020000E", "00200011", "00201209"];

    [Fact]
    public async Task Study_and_series_answers_carry_the_same_values_as_Orthancs()
    {
        var corpus = InteropCorpus.Load();
        await using var peers = await InteropPeers.StartAsync();
        await peers.SeedAndStowAsync(corpus);

        var ours = await StudiesAsync(peers.PacsEdge.Client, "dicom-web/studies");
        var theirs = await StudiesAsync(peers.Orthanc.Process.Client, "dicom-web/studies");
        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (uid, orthanc) in theirs)
        {
            foreach (var tag in StudyKeys) AssertSameValue(orthanc, ours[uid], tag, uid);
            // Orthanc lists the modalities in its own order; the set is what the standard defines.
            Assert.Equal(Set(orthanc, "00080061"), Set(ours[uid], "00080061"));

            var ourSeries = await StudiesAsync(peers.PacsEdge.Client, $"dicom-web/studies/{uid}/series", "0020000E");
            var theirSeries = await StudiesAsync(peers.Orthanc.Process.Client, $"dicom-web/studies/{uid}/series", "0020000E");
            Assert.Equal(theirSeries.Keys.Order(), ourSeries.Keys.Order());
            foreach (var (seriesUid, series) in theirSeries)
                foreach (var tag in SeriesKeys) AssertSameValue(series, ourSeries[seriesUid], tag, seriesUid);
        }
    }

    private static void AssertSameValue(JsonNode orthanc, JsonNode pacsEdge, string tag, string uid)
    {
        var (theirs, ours) = (OrthancJson.ValueOf(orthanc, tag), OrthancJson.ValueOf(pacsEdge, tag));
        // PS3.5 6.2.1: trailing empty name components are not significant, so "^^^^" and "" are the same name.
        // Orthanc answers with the name as received, PacsEdge (like dcm2json) without the trailing delimiters.
        if (tag == "00100010") (theirs, ours) = (theirs.TrimEnd('^'), ours.TrimEnd('^'));
        Assert.True(theirs == ours, $"{uid} {tag}: Orthanc '{theirs}', PacsEdge '{ours}'");
    }

    private static string[] Set(JsonNode dataset, string tag) =>
        [.. OrthancJson.ValueOf(dataset, tag).Split('\\', StringSplitOptions.RemoveEmptyEntries).Distinct().Order()];

    private static async Task<Dictionary<string, JsonNode>> StudiesAsync(HttpClient http, string path, string uidTag = "0020000D")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/dicom+json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} on {http.BaseAddress}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsArray().ToDictionary(d => OrthancJson.ValueOf(d!, uidTag), d => d!);
    }
}
