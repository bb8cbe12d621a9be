using PacsEdge.PeerBench;
using PacsEdge.Testing;
using PacsEdge.Testing.Orthanc;

// PacsEdge (the published `pacsedge serve`) and Debian's Orthanc with its DICOMweb plugin, both on loopback on
// this machine, each with its own temp data directory, fed the same synthetic CT data; phases run one server at
// a time while the other idles. Prints a markdown table of ratios against the issue's targets.
var options = BenchOptions.Parse(args);
using var pacsEdgeData = new TempDirectory();
Console.Error.WriteLine($"peer-bench: {(options.Quick ? "quick" : "full")} run, {options.Studies} studies indexed");
await using var pacsEdgeProcess = options.Only is null or "pacsedge" ? await PacsEdgeServeProcess.StartAsync(options.PacsEdgeDll, pacsEdgeData.Path) : null;
await using var orthanc = options.Only is null or "orthanc" ? await OrthancProcess.StartAsync() : null;
var peers = new List<Peer>();
if (pacsEdgeProcess is not null) peers.Add(new("PacsEdge", pacsEdgeProcess, "dicom-web/"));
if (orthanc is not null) peers.Add(new("Orthanc", orthanc.Process, "dicom-web/"));
var version = orthanc is null ? "" : (await orthanc.Client.Http.GetStringAsync("system")).Split('"').SkipWhile(s => s != "Version").Skip(2).FirstOrDefault();
double? Of<T>(Dictionary<string, T> results, string peer, Func<T, double> value) => results.TryGetValue(peer, out var r) ? value(r) : null;
await Task.Delay(2000);
var idle = peers.ToDictionary(p => p.Name, p => p.Process.Memory().CurrentBytes);
var report = new Report();

void Log(string message) => Console.Error.WriteLine($"peer-bench: {message}");

// STOW-RS at 1 and 4 clients (the same request bodies for both servers).
var stowSeries = new List<StowPhase.Series>();
foreach (var (concurrency, count, first) in new[] { (1, options.StowInstancesC1, 100_000), (4, options.StowInstancesC4, 200_000) })
{
    var batches = StowPhase.Generate(count, first);
    var rate = new Dictionary<string, double>();
    foreach (var peer in peers)
    {
        rate[peer.Name] = await StowPhase.RunAsync(peer, batches, concurrency);
        Log($"STOW-RS c{concurrency} {peer.Name}: {rate[peer.Name]:0} instances/s");
    }
    report.Row($"STOW-RS, {StowPhase.InstancesPerRequest}/request, {concurrency} client(s), 512x512 CT", Of(rate, "PacsEdge", r => r), Of(rate, "Orthanc", r => r), "inst/s", 2);
    if (concurrency == 4) stowSeries.AddRange(batches.Select(b => b.Series));
}

// Fill both indexes, then QIDO-RS.
var (studies, files) = IndexLoadPhase.Generate(options.Studies, 0);
foreach (var peer in peers)
{
    var seconds = await IndexLoadPhase.RunAsync(peer, files);
    Log($"loaded {files.Count} studies into {peer.Name} in {seconds:0.0} s");
    report.Note($"{peer.Name} index loaded with {files.Count} studies (one 64x64 CT instance each) in {seconds:0.0} s by {IndexLoadPhase.Method(peer)}.");
}
files.Clear();
var queries = QidoPhase.Build(studies, options.QidoPerKind);
var qido = new Dictionary<string, Dictionary<string, QidoPhase.Result>>();
foreach (var peer in peers) qido[peer.Name] = await QidoPhase.RunAsync(peer, queries);
var totalStudies = options.Studies + (options.StowInstancesC1 + options.StowInstancesC4) / StowPhase.InstancesPerRequest;
foreach (var kind in QidoPhase.Kinds)
{
    report.Row($"QIDO-RS {kind}, {totalStudies} studies, p50", Of(qido, "PacsEdge", q => q[kind].Latencies.Percentile(50)), Of(qido, "Orthanc", q => q[kind].Latencies.Percentile(50)), "ms");
    report.Row($"QIDO-RS {kind}, {totalStudies} studies, p95", Of(qido, "PacsEdge", q => q[kind].Latencies.Percentile(95)), Of(qido, "Orthanc", q => q[kind].Latencies.Percentile(95)), "ms", 1.0 / 3, higherIsBetter: false);
    if (qido.Count == 2)
    {
        var (ours, theirs) = (qido["PacsEdge"][kind], qido["Orthanc"][kind]);
        var agree = ours.Counts.Zip(theirs.Counts).Count(c => c.First == c.Second);
        report.Note($"QIDO {kind}: {ours.Counts.Length} queries, result counts agree with Orthanc's in {agree}; PacsEdge returned {ours.Counts.Sum()} rows in all, Orthanc {theirs.Counts.Sum()}.");
    }
}

// WADO-RS series metadata and frames.
var metadata = new Dictionary<string, Latencies>();
var frames = new Dictionary<string, double>();
foreach (var peer in peers)
{
    metadata[peer.Name] = await WadoPhase.SeriesMetadataAsync(peer, stowSeries, options.MetadataSamples);
    frames[peer.Name] = await WadoPhase.FramesAsync(peer, stowSeries, options.FrameRequests);
    Log($"WADO-RS {peer.Name}: series metadata p95 {metadata[peer.Name].Percentile(95):0.0} ms, frames {frames[peer.Name]:0} MB/s");
}
report.Row("WADO-RS series metadata (10 instances), p50", Of(metadata, "PacsEdge", m => m.Percentile(50)), Of(metadata, "Orthanc", m => m.Percentile(50)), "ms");
report.Row("WADO-RS series metadata (10 instances), p95", Of(metadata, "PacsEdge", m => m.Percentile(95)), Of(metadata, "Orthanc", m => m.Percentile(95)), "ms", 0.5, higherIsBetter: false);
report.Row($"WADO-RS frames, {WadoPhase.FrameClients} clients, 512 KiB frames", Of(frames, "PacsEdge", f => f), Of(frames, "Orthanc", f => f), "MB/s", 2);

var peak = peers.ToDictionary(p => p.Name, p => p.Process.Memory().PeakBytes);
string MiBOf(Dictionary<string, long> values, string peer) => values.TryGetValue(peer, out var v) ? Report.MiB(v) : "–";
report.Line("RSS idle after start", MiBOf(idle, "PacsEdge"), MiBOf(idle, "Orthanc"));
report.Line("Peak RSS (VmHWM) over the phases above", MiBOf(peak, "PacsEdge"), MiBOf(peak, "Orthanc"));

if (options.LargeUploadBytes > 0 && pacsEdgeProcess is not null)
{
    var large = await LargeUploadPhase.RunAsync(peers[0], options.LargeUploadBytes);
    var growth = large.PeakBytes - large.IdleBytes;
    Log($"2 GB STOW-RS: idle {Report.MiB(large.IdleBytes)}, peak {Report.MiB(large.PeakBytes)}");
    report.Line($"Peak RSS during one {large.UploadedBytes / 1e9:0.0} GB STOW-RS request ({large.Seconds:0} s)",
        $"{Report.MiB(large.PeakBytes)} (idle {Report.MiB(large.IdleBytes)}, +{Report.MiB(growth)})", "not run", "≤ idle + 256 MiB",
        growth <= 256L << 20 ? "yes" : "**no**");
    report.Note("Orthanc is not given the 2 GB request: its HTTP server reads a whole request body into memory before the DICOMweb plugin sees it.");
}

report.Note($"Orthanc {version} (Debian) with its DICOMweb plugin, default settings except a private storage directory and port; PacsEdge published Release build, default settings; both on 127.0.0.1, same machine ({Environment.ProcessorCount} cores).");
report.Note("STOW and index data: synthetic CT generated with PacsEdge.Dicom's DicomFileWriter from CT_small.dcm's header; the same bytes go to both servers.");
Console.WriteLine(report);
