using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Storage;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>Numbered migrations run once: a re-open applies nothing and keeps the data (both providers).</summary>
public abstract class MigrationTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    [Fact]
    public async Task First_open_applies_every_script_and_a_reopen_applies_none()
    {
        Assert.Equal([1], ((RelationalDicomIndex)Index).AppliedMigrations);
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        await using (var reopened = await Database.OpenAsync())
        {
            Assert.Empty(((RelationalDicomIndex)reopened).AppliedMigrations);
            Assert.Single((await reopened.QueryAsync(Studies((DicomTags.StudyInstanceUID, "1.1")))).Rows);
        }
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Concurrent_opens_apply_each_script_once()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Database.OpenAsync())));
        foreach (var index in opened) await index.DisposeAsync();
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.All(opened, i => Assert.Empty(((RelationalDicomIndex)i).AppliedMigrations));
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(() => new SqliteIndexDatabase())
{
    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_writes_and_foreign_keys()
    {
        var index = (SqliteDicomIndex)Index;
        Assert.Equal("wal", await index.ReadPragmaAsync("journal_mode"));
        Assert.Equal("2", await index.ReadPragmaAsync("synchronous")); // 2 = FULL
        Assert.Equal("1", await index.ReadPragmaAsync("foreign_keys"));
        Assert.Equal("30000", await index.ReadPragmaAsync("busy_timeout"));
    }
}

public sealed class PostgresMigrationTests() : MigrationTests(() => new PostgresIndexDatabase());
