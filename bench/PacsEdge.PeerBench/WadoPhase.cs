using System.Diagnostics;

namespace PacsEdge.PeerBench;

/// <summary>WADO-RS: series metadata latency (sequential) and frame throughput (4 clients) over the STOW phase's series.</summary>
public static class WadoPhase
{
    public const int FrameClients = 4;
    public const string FramesAccept = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    public static async Task<Latencies> SeriesMetadataAsync(Peer peer, IReadOnlyList<StowPhase.Series> series, int samples)
    {
        var latencies = new Latencies();
        for (int i = -2; i < samples; i++)
        {
            var s = series[(i + series.Count) % series.Count];
            var clock = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, peer.Path($"studies/{s.StudyUid}/series/{s.SeriesUid}/metadata"));
            request.Headers.Accept.ParseAdd("application/dicom+json");
            using var response = await peer.Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode || body.Length < 100)
                throw new InvalidOperationException($"{peer.Name} series metadata answered {(int)response.StatusCode} ({body.Length} bytes)");
            if (i >= 0) latencies.Add(clock.Elapsed);
        }
        return latencies;
    }

    /// <summary>MB/s (10^6 bytes) of frame responses, frame 1 of every stored instance in turn.</summary>
    public static async Task<double> FramesAsync(Peer peer, IReadOnlyList<StowPhase.Series> series, int requests)
    {
        var targets = series.SelectMany(s => s.SopUids.Select(sop => $"studies/{s.StudyUid}/series/{s.SeriesUid}/instances/{sop}/frames/1")).ToArray();
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Concurrently.RunAsync(Enumerable.Range(0, requests).Select(i => targets[i % targets.Length]), FrameClients, async path =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, peer.Path(path));
            request.Headers.TryAddWithoutValidation("Accept", FramesAccept);
            using var response = await peer.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long n = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) n += read;
            if (!response.IsSuccessStatusCode || n < 512 * 512 * 2)
                throw new InvalidOperationException($"{peer.Name} frame answered {(int)response.StatusCode} ({n} bytes)");
            Interlocked.Add(ref bytes, n);
        });
        return bytes / 1e6 / clock.Elapsed.TotalSeconds;
    }
}
