using PacsEdge.Testing;
using PacsEdge.Dicom.IO;
using Xunit.Abstractions;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// Bounded mutation fuzzing of the Part 10 reader over the external corpus. Deterministic (fixed
/// master seed), bounded by case count and wall time. Every case parses, or throws
/// <see cref="DicomFormatException"/>; see <see cref="FuzzCaseRunner"/> for the full oracle.
/// Environment overrides for longer local runs: PACSEDGE_FUZZ_CASES, PACSEDGE_FUZZ_SECONDS, PACSEDGE_FUZZ_SEED.
/// </summary>
public class MutationFuzzTests(ITestOutputHelper output)
{
    public const int DefaultMasterSeed = 20261123;
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(2);

    /// <summary>Corpus files that parse unmutated (mutating a text file teaches nothing).</summary>
    public static IReadOnlyList<FuzzSeedFile> Seeds { get; } = LoadSeeds();

    [Fact]
    public void Mutated_corpus_files_parse_or_fail_with_DicomFormatException()
    {
        int cases = EnvInt("PACSEDGE_FUZZ_CASES", 10_000);
        var budget = TimeSpan.FromSeconds(EnvInt("PACSEDGE_FUZZ_SECONDS", 50));
        int masterSeed = EnvInt("PACSEDGE_FUZZ_SEED", DefaultMasterSeed);
        Assert.True(Seeds.Count >= 150, $"only {Seeds.Count} corpus files parse unmutated");

        var report = new FuzzCampaign(masterSeed, Seeds, PerCaseLimit).Run(cases, budget, workerCount: Math.Clamp(Environment.ProcessorCount, 1, 2));

        output.WriteLine($"master seed {masterSeed}, {Seeds.Count} seed files, {report.Cases} cases in {report.Duration.TotalSeconds:F1} s" +
                         (report.StoppedByTime ? " (stopped by the time budget)" : ""));
        output.WriteLine($"parsed {report.Parsed}, rejected with DicomFormatException {report.Rejected}, failed {report.Failures.Count}");
        output.WriteLine($"slowest case {report.SlowestCase.TotalMilliseconds:F1} ms; max allocation {report.MaxAllocationRatio:F2} x input (inputs >= 64 KiB): {report.MaxAllocationCase}");
        foreach (var f in report.Failures) output.WriteLine("FAILED " + f);

        Assert.True(report.Failures.Count == 0, string.Join("\n\n", report.Failures));
        // The budget must not quietly turn the campaign into a handful of cases.
        Assert.True(report.Cases >= Math.Min(cases, 2_000), $"only {report.Cases} cases ran within {budget.TotalSeconds} s");
        Assert.True(report.Parsed > 0 && report.Rejected > 0, "the mutations should produce both accepted and rejected inputs");
    }

    private static FuzzSeedFile[] LoadSeeds()
    {
        var seeds = new List<FuzzSeedFile>();
        foreach (var path in CorpusFiles.All)
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                // Also warms up the dictionary and the code paths, so one-time static allocations
                // do not count against the first measured case.
                DatasetToucher.Touch(DicomFileReader.Read(bytes));
                seeds.Add(new FuzzSeedFile(Path.GetRelativePath(CorpusFiles.Root, path), bytes));
            }
            catch (DicomFormatException)
            {
            }
        }
        return [.. seeds];
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
}
