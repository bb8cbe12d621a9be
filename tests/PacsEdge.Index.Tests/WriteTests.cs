using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>AddInstance outcomes, ReplaceInstance, and the hierarchy rows they create (both providers).</summary>
public abstract class WriteTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    private async Task<IndexRow> StudyAsync(string uid) =>
        Assert.Single(await RowsAsync(Studies((DicomTags.StudyInstanceUID, uid))));

    [Fact]
    public async Task Adding_instances_creates_one_row_per_level_and_keeps_the_counters()
    {
        await AddAsync(
            Make("1.1", "1.1.1", "1.1.1.1"),
            Make("1.1", "1.1.1", "1.1.1.2"),
            Make("1.1", "1.1.2", "1.1.2.1", values: (DicomTags.Modality, "SEG")));

        var study = await StudyAsync("1.1");
        Assert.Equal("2", study[DicomTags.NumberOfStudyRelatedSeries]);
        Assert.Equal("3", study[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal("CT\\SEG", study[DicomTags.ModalitiesInStudy]);
        Assert.Equal("Doe^John", study[DicomTags.PatientName]);
        var series = await RowsAsync(Series((DicomTags.StudyInstanceUID, "1.1")));
        Assert.Equal(["2", "1"], series.Select(s => s[DicomTags.NumberOfSeriesRelatedInstances]));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM study"));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
    }

    [Fact]
    public async Task Same_instance_with_same_bytes_is_already_stored_and_adds_no_row()
    {
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        var again = await Index.AddInstanceAsync(Make("1.1", "1.1.1", "1.1.1.1", values: (DicomTags.StudyDescription, "changed")));
        Assert.Equal(AddInstanceOutcome.AlreadyStoredIdentical, again.Outcome);
        Assert.True(again.IsStored);
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
        var study = await StudyAsync("1.1");
        Assert.Equal("1", study[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Null(study[DicomTags.StudyDescription]); // the rolled-back write left no trace
    }

    [Fact]
    public async Task Same_instance_with_different_bytes_is_a_conflict_and_the_first_stays()
    {
        var first = Make("1.1", "1.1.1", "1.1.1.1", "v1");
        await AddAsync(first);
        var second = await Index.AddInstanceAsync(Make("1.1", "1.1.1", "1.1.1.1", "v2"));
        Assert.Equal(AddInstanceOutcome.Conflict, second.Outcome);
        Assert.False(second.IsStored);
        Assert.Equal(first.BlobKey, second.PreviousBlobKey);
        var stored = Assert.Single(await Index.GetInstancesAsync(HierarchyPath.Study("1.1")));
        Assert.Equal(first.Sha256, stored.Sha256);
    }

    [Fact]
    public async Task An_instance_cannot_move_to_another_series()
    {
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        var moved = await Index.AddInstanceAsync(Make("1.1", "1.1.2", "1.1.1.1"));
        Assert.Equal(AddInstanceOutcome.HierarchyConflict, moved.Outcome);
        Assert.Equal(HierarchyPath.Series("1.1", "1.1.1"), moved.ExistingParent);
        // The series the moving instance would have created does not exist.
        Assert.Single(await RowsAsync(Series((DicomTags.StudyInstanceUID, "1.1"))));
    }

    [Fact]
    public async Task A_series_cannot_move_to_another_study_and_the_new_study_is_not_created()
    {
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        var moved = await Index.AddInstanceAsync(Make("2.2", "1.1.1", "1.1.1.2"));
        Assert.Equal(AddInstanceOutcome.HierarchyConflict, moved.Outcome);
        Assert.Equal(HierarchyPath.Study("1.1"), moved.ExistingParent);
        Assert.Empty(await RowsAsync(Studies((DicomTags.StudyInstanceUID, "2.2"))));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM study"));
    }

    [Fact]
    public async Task Replace_overwrites_the_row_atomically_and_names_the_old_blob()
    {
        var first = Make("1.1", "1.1.1", "1.1.1.1", "v1", (DicomTags.Rows, "256"));
        await AddAsync(first, Make("1.1", "1.1.1", "1.1.1.2"));
        var replacement = Make("1.1", "1.1.1", "1.1.1.1", "v2", (DicomTags.Rows, "512"));
        var result = await Index.ReplaceInstanceAsync(replacement);
        Assert.Equal(AddInstanceOutcome.Replaced, result.Outcome);
        Assert.Equal(first.BlobKey, result.PreviousBlobKey);

        var stored = (await Index.GetInstancesAsync(HierarchyPath.Instance("1.1", "1.1.1", "1.1.1.1"))).Single();
        Assert.Equal(replacement.Sha256, stored.Sha256);
        Assert.Equal(replacement.BlobKey, stored.BlobKey);
        Assert.True(stored.UpdatedAt >= stored.CreatedAt);
        var row = Assert.Single(await RowsAsync(InstancesQuery((DicomTags.SOPInstanceUID, "1.1.1.1"))));
        Assert.Equal("512", row[DicomTags.Rows]);
        Assert.Equal("2", (await StudyAsync("1.1"))[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
    }

    [Fact]
    public async Task Replace_of_an_unknown_instance_adds_it()
    {
        var result = await Index.ReplaceInstanceAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        Assert.Equal(AddInstanceOutcome.Added, result.Outcome);
        Assert.Equal("1", (await StudyAsync("1.1"))[DicomTags.NumberOfStudyRelatedInstances]);
    }

    [Fact]
    public async Task Replace_cannot_move_an_instance_to_another_series()
    {
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1"));
        var result = await Index.ReplaceInstanceAsync(Make("1.1", "1.1.9", "1.1.1.1", "v2"));
        Assert.Equal(AddInstanceOutcome.HierarchyConflict, result.Outcome);
        Assert.Equal(HierarchyPath.Series("1.1", "1.1.1"), result.ExistingParent);
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM series"));
    }

    [Fact]
    public async Task Later_instances_update_parent_attributes_and_the_fuzzy_words_follow()
    {
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.1", values: (DicomTags.PatientName, "Smith^Anna")));
        await AddAsync(Make("1.1", "1.1.1", "1.1.1.2", values: (DicomTags.PatientName, "Jones^Anna")));
        var fuzzy = Studies((DicomTags.PatientName, "jones")) with { FuzzyMatching = true };
        Assert.Single(await RowsAsync(fuzzy));
        Assert.Empty(await RowsAsync(fuzzy with { Matches = [new(DicomTags.PatientName, "smith")] }));
        Assert.Equal("Jones^Anna", (await StudyAsync("1.1"))[DicomTags.PatientName]);
    }

    [Fact]
    public async Task Stored_instance_keeps_blob_size_hash_transfer_syntax_and_timestamps()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var record = Make("1.1", "1.1.1", "1.1.1.1");
        await AddAsync(record);
        var stored = Assert.Single(await Index.GetInstancesAsync(HierarchyPath.Series("1.1", "1.1.1")));
        Assert.Equal(HierarchyPath.Instance("1.1", "1.1.1", "1.1.1.1"), stored.Path);
        Assert.Equal((record.BlobKey, record.SizeBytes, record.Sha256, record.TransferSyntaxUid),
            (stored.BlobKey, stored.SizeBytes, stored.Sha256, stored.TransferSyntaxUid));
        Assert.Matches("^[0-9a-f]{64}$", stored.Sha256);
        Assert.InRange(stored.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }
}

public sealed class SqliteWriteTests() : WriteTests(() => new SqliteIndexDatabase());
public sealed class PostgresWriteTests() : WriteTests(() => new PostgresIndexDatabase());
