using System.Text.Json.Nodes;
using System.Diagnostics;

namespace PacsEdge.PeerBench;

/// <summary>
/// STOW-RS throughput: requests of 10 instances (one new study each, 512x512 16-bit CT), generated before the
/// clock starts and sent byte-identical to both servers, at a fixed number of concurrent clients.
/// </summary>
public static class StowPhase
{
    public const int InstancesPerRequest = 10;

    public sealed record Series(string StudyUid, string SeriesUid, string[] SopUids);

    public sealed record Batch(Series Series, byte[][] Instances);

    public static List<Batch> Generate(int instances, int firstStudyNumber)
    {
        var ct = new SyntheticCt(512);
        var batches = new List<Batch>();
        for (int r = 0; r < instances / InstancesPerRequest; r++)
        {
            var study = SyntheticCt.NewStudy(firstStudyNumber + r);
            var generated = Enumerable.Range(1, InstancesPerRequest).Select(i => ct.Instance(study, i)).ToArray();
            batches.Add(new Batch(new Series(study.StudyUid, study.SeriesUid, [.. generated.Select(g => g.SopInstanceUid)]), [.. generated.Select(g => g.Bytes)]));
        }
        return batches;
    }

    /// <summary>Instances stored per second.</summary>
    public static async Task<double> RunAsync(Peer peer, IReadOnlyList<Batch> batches, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        await Concurrently.RunAsync(batches, concurrency, b => PostAsync(peer, b.Instances));
        return batches.Sum(b => b.Instances.Length) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>POST /studies; anything but a 200 without a FailedSOPSequence (0008,1198) stops the benchmark.</summary>
    public static async Task PostAsync(Peer peer, IEnumerable<byte[]> instances)
    {
        using var request = StowBody.Request(peer.Path("studies"), instances);
        using var response = await peer.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 200 || HasFailures(body))
            throw new InvalidOperationException($"{peer.Name} STOW-RS answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
    }

    /// <summary>A FailedSOPSequence with items (Orthanc sends it empty when nothing failed).</summary>
    private static bool HasFailures(string body) =>
        body.Length > 0 && JsonNode.Parse(body) is JsonObject answer && answer["00081198"]?["Value"] is JsonArray { Count: > 0 };
}
