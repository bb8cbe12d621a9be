using System.Diagnostics;
using System.Text.Json;

namespace PacsEdge.PeerBench;

/// <summary>
/// QIDO-RS study searches a worklist or OHIF's study list sends (with OHIF's limit=101&amp;offset=0), one kind
/// at a time, sequentially, the same query strings for both servers. '*' goes unencoded: Debian's Orthanc
/// does not decode %2A.
/// </summary>
public static class QidoPhase
{
    public sealed record Query(string Kind, string PathAndQuery);

    public sealed record Result(Latencies Latencies, int[] Counts);

    public static IReadOnlyList<string> Kinds { get; } = ["PatientName wildcard", "PatientID", "StudyDate range (1 month)", "ModalitiesInStudy"];

    public static List<Query> Build(IReadOnlyList<SyntheticCt.Study> studies, int perKind)
    {
        var random = new Random(4);
        var queries = new List<Query>();
        for (int i = 0; i < perKind; i++)
        {
            var s = studies[random.Next(studies.Count)];
            var family = s.PatientName.Split('^')[0];
            queries.Add(new(Kinds[0], $"studies?PatientName={family[..^1]}*&limit=101&offset=0"));
            queries.Add(new(Kinds[1], $"studies?PatientID={s.PatientId}&limit=101&offset=0"));
            var first = DateOnly.ParseExact(s.StudyDate, "yyyyMMdd").AddDays(1 - int.Parse(s.StudyDate[6..]));
            queries.Add(new(Kinds[2], $"studies?StudyDate={first:yyyyMMdd}-{first.AddMonths(1).AddDays(-1):yyyyMMdd}&limit=101&offset=0"));
            queries.Add(new(Kinds[3], $"studies?ModalitiesInStudy={(i % 2 == 0 ? "MR" : "CT")}&limit=101&offset=0"));
        }
        return queries;
    }

    public static async Task<Dictionary<string, Result>> RunAsync(Peer peer, IReadOnlyList<Query> queries)
    {
        var results = new Dictionary<string, Result>();
        foreach (var kind in Kinds)
        {
            var ofKind = queries.Where(q => q.Kind == kind).ToList();
            foreach (var warmUp in ofKind.Take(3)) await CountAsync(peer, warmUp);
            var latencies = new Latencies();
            var counts = new List<int>();
            foreach (var query in ofKind)
            {
                var clock = Stopwatch.StartNew();
                counts.Add(await CountAsync(peer, query));
                latencies.Add(clock.Elapsed);
            }
            results[kind] = new Result(latencies, [.. counts]);
        }
        return results;
    }

    private static async Task<int> CountAsync(Peer peer, Query query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, peer.Path(query.PathAndQuery));
        request.Headers.Accept.ParseAdd("application/dicom+json");
        using var response = await peer.Http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return 0;
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{peer.Name} GET {query.PathAndQuery}: {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetArrayLength();
    }
}
