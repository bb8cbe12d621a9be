using System.Diagnostics;

namespace PacsEdge.PeerBench;

/// <summary>
/// One STOW-RS request of about 2 GB (512x512 CT instances generated while the body is sent): the server's
/// peak RSS (VmHWM, reset just before) against its RSS when idle. Streaming STOW keeps the difference small.
/// </summary>
public static class LargeUploadPhase
{
    public sealed record Result(long IdleBytes, long PeakBytes, double Seconds, long UploadedBytes);

    public static async Task<Result> RunAsync(Peer peer, long totalBytes)
    {
        var ct = new SyntheticCt(512);
        var study = SyntheticCt.NewStudy(9_000_000);
        var sample = ct.Instance(study, 0).Bytes.Length;
        var count = (int)(totalBytes / sample) + 1;
        await Task.Delay(1000);
        var idle = peer.Process.Memory().CurrentBytes;
        peer.Process.ResetPeakMemory();
        var clock = Stopwatch.StartNew();
        await StowPhase.PostAsync(peer, Enumerable.Range(1, count).Select(i => ct.Instance(study, i).Bytes));
        return new Result(idle, peer.Process.Memory().PeakBytes, clock.Elapsed.TotalSeconds, (long)count * sample);
    }
}
