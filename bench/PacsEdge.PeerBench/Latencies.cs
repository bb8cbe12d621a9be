namespace PacsEdge.PeerBench;

/// <summary>Latency samples in milliseconds and their nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public void Add(TimeSpan elapsed)
    {
        lock (_ms) _ms.Add(elapsed.TotalMilliseconds);
    }

    public int Count => _ms.Count;

    public double Percentile(double p)
    {
        var sorted = _ms.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
