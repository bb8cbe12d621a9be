using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `--quick`: BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations) over every benchmark,
// well under 3 minutes. Any other arguments go to BenchmarkDotNet unchanged (e.g. --filter '*Header*').
// `--write-sample FILE`: writes the synthetic CT slice, to check it with dcmdump or dciodvfy.
if (args is ["--write-sample", var samplePath])
{
    File.WriteAllBytes(samplePath, PacsEdge.Bench.SyntheticCtSlice.Build());
    return;
}
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (quick && !rest.Contains("--filter")) rest.AddRange(["--filter", "*"]);
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond);
if (quick) config = config.AddJob(Job.ShortRun);
BenchmarkSwitcher.FromAssembly(typeof(PacsEdge.Bench.CtSliceParseBenchmarks).Assembly).Run([.. rest], config);
