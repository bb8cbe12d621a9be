namespace PacsEdge.PeerBench;

/// <summary>
/// Sizes of one run. `--quick` (CI, a few minutes): 300 studies indexed, small samples, no 2 GB upload.
/// The full run: 10k studies and the 2 GB upload. `--studies N` overrides the index size; `--only orthanc`
/// (or pacsedge) measures one server alone (no ratios).
/// </summary>
public sealed record BenchOptions(bool Quick, string? Only, string PacsEdgeDll, int Studies, int StowInstancesC1, int StowInstancesC4,
    int QidoPerKind, int MetadataSamples, int FrameRequests, long LargeUploadBytes)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var only = Value("--only")?.ToLowerInvariant();
        if (only is not (null or "orthanc" or "pacsedge")) throw new ArgumentException("--only takes orthanc or pacsedge");
        var dll = Value("--pacsedge") ?? throw new ArgumentException("--pacsedge PATH/pacsedge.dll is required (bench/run-peer-bench.sh publishes it)");
        var options = quick
            ? new BenchOptions(true, only, dll, 300, 100, 200, 30, 40, 200, 0)
            : new BenchOptions(false, only, dll, 10_000, 300, 800, 100, 200, 1000, 2L << 30);
        if (Value("--studies") is { } studies) options = options with { Studies = int.Parse(studies) };
        if (args.Contains("--no-large-upload")) options = options with { LargeUploadBytes = 0 };
        return options;
    }
}
