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
        Assert.Equal([1, 2], ((RelationalDicomIndex)Index).AppliedMigrations);
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        await using (var reopened = await Database.OpenAsync())
        {
            Assert.Empty(((RelationalDicomIndex)reopened).AppliedMigrations);
            Assert.Single((await reopened.QueryAsync(Studies((DicomTags.StudyInstanceUID, "1.1")))).Rows);
        }
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(2, await Database.ScalarAsync("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Schema_2_gives_each_study_of_a_merged_schema_1_patient_its_own_patient_row()
    {
        // A schema-1 database as version 1 left it: two studies sharing one patient row (with its words and an extra).
        await using var old = NewDatabase();
        var resource = $"PacsEdge.Index.Migrations.{(old.Provider == "SQLite" ? "Sqlite" : "Postgres")}.0001_initial.sql";
        using (var reader = new StreamReader(typeof(RelationalDicomIndex).Assembly.GetManifestResourceStream(resource)!))
            await old.ExecuteAsync(await reader.ReadToEndAsync());
        await old.ExecuteAsync(
            """
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
            INSERT INTO schema_version VALUES (1, '0001_initial.sql', '2026-01-01T00:00:00Z');
            INSERT INTO patient (patient_key, patient_id, issuer_of_patient_id, patient_name, patient_name_folded) VALUES (5, '', '', 'Test^S R', 'test^s r');
            INSERT INTO study (study_key, patient_key, study_uid, created_at, updated_at) VALUES (10, 5, '1.1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), (11, 5, '2.2', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO series (series_key, study_key, series_uid, number_of_instances, created_at, updated_at) VALUES (20, 10, '1.1.1', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), (21, 11, '2.2.1', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO person_name_word VALUES (1, 'test', 5), (1, 's', 5), (1, 'r', 5);
            INSERT INTO extra_attribute VALUES (0, 5, 1048640, 'comment');
            """);

        await using (var migrated = await old.OpenAsync())
        {
            Assert.Equal([2], ((RelationalDicomIndex)migrated).AppliedMigrations);
            Assert.Equal(2, await old.ScalarAsync("SELECT COUNT(DISTINCT patient_key) FROM study"));
            Assert.Equal(2, await old.ScalarAsync("SELECT COUNT(*) FROM patient"));
            Assert.Equal(6, await old.ScalarAsync("SELECT COUNT(*) FROM person_name_word WHERE attribute = 1"));
            Assert.Equal(2, await old.ScalarAsync("SELECT COUNT(*) FROM extra_attribute WHERE level = 0"));
            var fuzzy = Studies((DicomTags.PatientName, "test")) with { FuzzyMatching = true };
            Assert.Equal(2, (await migrated.QueryAsync(fuzzy)).Rows.Count);

            // A new instance of study 2.2 now changes only 2.2's patient values.
            Assert.Equal(AddInstanceOutcome.Added, (await migrated.AddInstanceAsync(
                Make("2.2", "2.2.1", "2.2.1.9", values: [(DicomTags.PatientID, ""), (DicomTags.PatientName, "^^^^")]))).Outcome);
            var names = (await migrated.QueryAsync(Studies())).Rows.ToDictionary(r => r[DicomTags.StudyInstanceUID]!, r => r[DicomTags.PatientName]);
            Assert.Equal("Test^S R", names["1.1"]);
            Assert.Equal("^^^^", names["2.2"]);
        }
    }

    [Fact]
    public async Task Concurrent_opens_apply_each_script_once()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Database.OpenAsync())));
        foreach (var index in opened) await index.DisposeAsync();
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
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
