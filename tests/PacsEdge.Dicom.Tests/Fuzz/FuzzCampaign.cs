using System.Collections.Concurrent;
using System.Diagnostics;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>Totals of a campaign, for the assertion and the test log.</summary>
public sealed record FuzzReport(int Cases, int Parsed, int Rejected, IReadOnlyList<string> Failures,
    double MaxAllocationRatio, string MaxAllocationCase, TimeSpan Duration, TimeSpan SlowestCase, bool StoppedByTime);

/// <summary>
/// Runs cases 0, 1, 2... on a few worker threads until the case count or the wall-time budget runs
/// out. A watchdog on the calling thread fails a case that is still running past the per-case limit
/// (a hang), so the test ends even if the reader loops forever; the stuck worker is a background
/// thread and is abandoned.
/// </summary>
public sealed class FuzzCampaign(int masterSeed, IReadOnlyList<FuzzSeedFile> seeds, TimeSpan perCaseLimit)
{
    private const int MaxFailuresKept = 20;

    private int MasterSeed => masterSeed;
    private IReadOnlyList<FuzzSeedFile> Seeds => seeds;
    private TimeSpan PerCaseLimit => perCaseLimit;

    public FuzzReport Run(int maxCases, TimeSpan budget, int workerCount)
    {
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<string>();
        var workers = Enumerable.Range(0, workerCount).Select(i => new Worker(this, i)).ToArray();
        int next = -1;
        bool stop = false;
        foreach (var w in workers)
        {
            w.Thread = new Thread(() => w.Loop(() => Volatile.Read(ref stop) || clock.Elapsed > budget ? -1 : Interlocked.Increment(ref next) is var i && i < maxCases ? i : -1, failures))
            { IsBackground = true, Name = $"fuzz worker {w.Id}" };
            w.Thread.Start();
        }
        // Watchdog: a case still running well past its limit is a hang; report it and stop waiting.
        while (workers.Any(w => w.Thread!.IsAlive))
        {
            Thread.Sleep(50);
            foreach (var w in workers)
            {
                if (w.Current is { } c && w.CurrentStarted is { } started && Stopwatch.GetElapsedTime(started) > perCaseLimit * 2)
                {
                    failures.Enqueue($"HANG (still running after {perCaseLimit.TotalSeconds * 2:F0} s): {c}");
                    Volatile.Write(ref stop, true);
                    w.Abandoned = true;
                }
            }
            if (workers.Any(w => w.Abandoned) && workers.All(w => w.Abandoned || !w.Thread!.IsAlive)) break;
        }
        var done = workers.Where(w => !w.Abandoned).ToArray();
        var worst = done.OrderByDescending(w => w.MaxRatio).FirstOrDefault();
        return new FuzzReport(
            done.Sum(w => w.Cases) + workers.Count(w => w.Abandoned), done.Sum(w => w.Parsed), done.Sum(w => w.Rejected),
            failures.ToArray(), worst?.MaxRatio ?? 0, worst?.MaxRatioCase ?? "", clock.Elapsed,
            done.Select(w => w.Slowest).DefaultIfEmpty().Max(), clock.Elapsed > budget);
    }

    private sealed class Worker(FuzzCampaign campaign, int id)
    {
        public int Id => id;
        public Thread? Thread { get; set; }
        public volatile FuzzCase? Current;
        public long? CurrentStarted => Current is null ? null : Interlocked.Read(ref _started);
        public volatile bool Abandoned;
        public int Cases, Parsed, Rejected;
        public double MaxRatio;
        public string MaxRatioCase = "";
        public TimeSpan Slowest;
        private long _started;

        public void Loop(Func<int> nextIndex, ConcurrentQueue<string> failures)
        {
            var scratch = Path.Combine(Path.GetTempPath(), $"pacsedge-fuzz-{Environment.ProcessId}-{id}.dcm");
            var runner = new FuzzCaseRunner(scratch, campaign.PerCaseLimit);
            try
            {
                for (int index = nextIndex(); index >= 0; index = nextIndex())
                {
                    var c = FuzzCase.Create(campaign.MasterSeed, index, campaign.Seeds);
                    Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());
                    Current = c;
                    var result = runner.Run(c);
                    Current = null;
                    Cases++;
                    if (result.Elapsed > Slowest) Slowest = result.Elapsed;
                    switch (result.Outcome)
                    {
                        case FuzzOutcome.Parsed: Parsed++; break;
                        case FuzzOutcome.Rejected: Rejected++; break;
                        default: if (failures.Count < MaxFailuresKept) failures.Enqueue($"{c}\n  -> {result.Failure}"); break;
                    }
                    // Tiny inputs are dominated by fixed costs (the 1 MiB slack); the ratio means something from 64 KiB up.
                    double ratio = result.ParsedBytes >= 65536 ? result.AllocationRatio : 0;
                    if (ratio > MaxRatio) (MaxRatio, MaxRatioCase) = (ratio, $"{c} ({result.AllocatedBytes} bytes allocated for {result.ParsedBytes} parsed)");
                }
            }
            finally
            {
                File.Delete(scratch);
            }
        }
    }
}
