namespace PacsEdge.Phantom;

/// <summary>
/// SplitMix64 with Gaussian samples (Box-Muller): a generator whose sequence is fixed forever, unlike
/// System.Random whose algorithm may change between .NET versions; the demo study must keep its bytes.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;
    private double? _spare;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in (0, 1].</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    public double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        double r = Math.Sqrt(-2 * Math.Log(NextDouble())), angle = 2 * Math.PI * NextDouble();
        _spare = r * Math.Sin(angle);
        return r * Math.Cos(angle);
    }
}
