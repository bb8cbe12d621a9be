using System.Diagnostics;
using System.Net.Http.Headers;

namespace PacsEdge.PeerBench;

/// <summary>
/// Fills both indexes with the same N studies (one small 64x64 CT instance each, the same bytes for both),
/// each server through its fastest HTTP ingest path: PacsEdge by STOW-RS with 50 instances per request,
/// Orthanc by its REST POST /instances (one file per request, no multipart parsing); 4 clients each.
/// </summary>
public static class IndexLoadPhase
{
    public const int Clients = 4;
    public const int PacsEdgeInstancesPerRequest = 50;

    public static (List<SyntheticCt.Study> Studies, List<byte[]> Files) Generate(int studies, int firstStudyNumber)
    {
        var ct = new SyntheticCt(64);
        var list = Enumerable.Range(firstStudyNumber, studies).Select(SyntheticCt.NewStudy).ToList();
        return (list, [.. list.Select(s => ct.Instance(s, 1).Bytes)]);
    }

    public static string Method(Peer peer) => peer.IsOrthanc
        ? $"REST POST /instances, one file per request, {Clients} clients"
        : $"STOW-RS POST /dicom-web/studies, {PacsEdgeInstancesPerRequest} instances per request, {Clients} clients";

    /// <summary>Seconds the load took.</summary>
    public static async Task<double> RunAsync(Peer peer, IReadOnlyList<byte[]> files)
    {
        var clock = Stopwatch.StartNew();
        if (peer.IsOrthanc)
            await Concurrently.RunAsync(files, Clients, async file =>
            {
                using var content = new ByteArrayContent(file);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
                using var response = await peer.Http.PostAsync("instances", content);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Orthanc POST /instances answered {(int)response.StatusCode}");
            });
        else
            await Concurrently.RunAsync(files.Chunk(PacsEdgeInstancesPerRequest), Clients, chunk => StowPhase.PostAsync(peer, chunk));
        return clock.Elapsed.TotalSeconds;
    }
}
