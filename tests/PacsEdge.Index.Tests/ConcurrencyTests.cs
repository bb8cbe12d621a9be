using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>Parallel writers on one new study: the upserts must make exactly one row per entity (both providers).</summary>
public abstract class ConcurrencyTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    private const int Writers = 8;
    private const int PerWriter = 12;

    [Fact]
    public async Task Parallel_adds_into_one_new_study_make_one_study_row_and_exact_counters()
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait();
            for (var n = 0; n < PerWriter; n++)
            {
                // Writers share series too: series k gets instances from several writers at once.
                var series = $"7.1.{n % 3}";
                var result = await Index.AddInstanceAsync(Make("7.1", series, $"{series}.{w}.{n}", values: (DicomTags.Modality, n % 3 == 2 ? "SEG" : "CT")));
                Assert.Equal(AddInstanceOutcome.Added, result.Outcome);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM study"));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM series"));
        Assert.Equal(Writers * PerWriter, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
        var study = Assert.Single(await RowsAsync(Studies()));
        Assert.Equal($"{Writers * PerWriter}", study[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal("3", study[DicomTags.NumberOfStudyRelatedSeries]);
        Assert.Equal("CT\\SEG", study[DicomTags.ModalitiesInStudy]);
        var series = await RowsAsync(Series());
        Assert.All(series, s => Assert.Equal($"{Writers * PerWriter / 3}", s[DicomTags.NumberOfSeriesRelatedInstances]));
    }

    [Fact]
    public async Task Parallel_adds_of_one_instance_store_it_once()
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await Index.AddInstanceAsync(Make("7.2", "7.2.1", "7.2.1.1"))).Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);
        Assert.Equal(1, outcomes.Count(o => o == AddInstanceOutcome.Added));
        Assert.Equal(Writers - 1, outcomes.Count(o => o == AddInstanceOutcome.AlreadyStoredIdentical));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
        Assert.Equal("1", Assert.Single(await RowsAsync(Studies()))[DicomTags.NumberOfStudyRelatedInstances]);
    }

    [Fact]
    public async Task Adds_and_deletes_racing_on_one_study_neither_deadlock_nor_skew_the_counters()
    {
        for (var n = 0; n < 24; n++) await AddAsync(Make("7.3", $"7.3.{n % 2}", $"7.3.{n % 2}.old{n}"));
        using var start = new ManualResetEventSlim();
        var adders = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            start.Wait();
            for (var n = 0; n < 12; n++)
                Assert.Equal(AddInstanceOutcome.Added, (await Index.AddInstanceAsync(Make("7.3", $"7.3.{n % 3}", $"7.3.{n % 3}.new{w}.{n}"))).Outcome);
        }));
        var deleters = Enumerable.Range(0, 2).Select(d => Task.Run(async () =>
        {
            start.Wait();
            for (var n = d; n < 24; n += 2)
                Assert.Single(await Index.DeleteAsync(HierarchyPath.Instance("7.3", $"7.3.{n % 2}", $"7.3.{n % 2}.old{n}")));
        }));
        var all = adders.Concat(deleters).ToList();
        start.Set();
        await Task.WhenAll(all);

        var study = Assert.Single(await RowsAsync(Studies()));
        Assert.Equal("36", study[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal("3", study[DicomTags.NumberOfStudyRelatedSeries]);
        Assert.Equal(36, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
        Assert.All(await RowsAsync(Series()), s => Assert.Equal("12", s[DicomTags.NumberOfSeriesRelatedInstances]));
    }

    [Fact]
    public async Task Parallel_adds_with_conflicts_among_them_keep_each_outcome_and_commit_the_rest()
    {
        // Stored first: the conflicts below are against these (SQLite commits concurrent writes in one transaction,
        // a savepoint per record, so a refused record must not take the others of its batch down).
        Assert.Equal(AddInstanceOutcome.Added, (await Index.AddInstanceAsync(Make("7.3", "7.3.1", "7.3.1.0"))).Outcome);
        Assert.Equal(AddInstanceOutcome.Added, (await Index.AddInstanceAsync(Make("7.4", "7.4.1", "7.4.1.0"))).Outcome);
        using var start = new ManualResetEventSlim();
        var records = Enumerable.Range(1, 24).Select(n => (n % 6) switch
        {
            0 => (Make("7.3", "7.3.1", "7.3.1.0", content: $"other {n}"), AddInstanceOutcome.Conflict),
            3 => (Make("7.5", "7.4.1", $"7.4.1.{n}"), AddInstanceOutcome.HierarchyConflict), // series 7.4.1 lives in study 7.4
            _ => (Make("7.3", "7.3.1", $"7.3.1.{n}"), AddInstanceOutcome.Added),
        }).ToList();
        var tasks = records.Select(r => Task.Run(async () =>
        {
            start.Wait();
            return (await Index.AddInstanceAsync(r.Item1)).Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(records.Select(r => r.Item2), outcomes);
        var added = records.Count(r => r.Item2 == AddInstanceOutcome.Added);
        Assert.Equal(added + 2, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
        Assert.Equal($"{added + 1}", Assert.Single(await RowsAsync(Studies((DicomTags.StudyInstanceUID, "7.3"))))[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Empty(await RowsAsync(Studies((DicomTags.StudyInstanceUID, "7.5"))));
    }
}

public sealed class SqliteConcurrencyTests() : ConcurrencyTests(() => new SqliteIndexDatabase());
public sealed class PostgresConcurrencyTests() : ConcurrencyTests(() => new PostgresIndexDatabase());
