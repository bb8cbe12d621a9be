using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>Delete at the three levels: blob keys returned, counters recomputed, empty parents pruned (both providers).</summary>
public abstract class DeleteTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    private readonly InstanceRecord[] _records =
    [
        Make("1.1", "1.1.1", "1.1.1.1"),
        Make("1.1", "1.1.1", "1.1.1.2"),
        Make("1.1", "1.1.2", "1.1.2.1", values: (DicomTags.Modality, "SEG")),
        Make("2.2", "2.2.1", "2.2.1.1", values: (DicomTags.Modality, "MR")), // same patient P1
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAsync(_records);
    }

    private async Task<IndexRow?> StudyAsync(string uid) =>
        (await RowsAsync(Studies((DicomTags.StudyInstanceUID, uid)))).SingleOrDefault();

    [Fact]
    public async Task Deleting_an_instance_returns_its_blob_and_updates_the_counters()
    {
        Assert.Equal([_records[0].BlobKey], await Index.DeleteAsync(HierarchyPath.Instance("1.1", "1.1.1", "1.1.1.1")));
        var study = await StudyAsync("1.1");
        Assert.Equal(("2", "2", "CT\\SEG"), (study![DicomTags.NumberOfStudyRelatedSeries], study[DicomTags.NumberOfStudyRelatedInstances], study[DicomTags.ModalitiesInStudy]));
        Assert.Equal("1", (await RowsAsync(Series((DicomTags.SeriesInstanceUID, "1.1.1"))))[0][DicomTags.NumberOfSeriesRelatedInstances]);
    }

    [Fact]
    public async Task Deleting_the_last_instance_of_a_series_removes_the_series_and_its_modality()
    {
        await Index.DeleteAsync(HierarchyPath.Instance("1.1", "1.1.2", "1.1.2.1"));
        var study = await StudyAsync("1.1");
        Assert.Equal(("1", "2", "CT"), (study![DicomTags.NumberOfStudyRelatedSeries], study[DicomTags.NumberOfStudyRelatedInstances], study[DicomTags.ModalitiesInStudy]));
        Assert.Empty(await RowsAsync(Series((DicomTags.SeriesInstanceUID, "1.1.2"))));
    }

    [Fact]
    public async Task Deleting_a_series_returns_all_its_blobs()
    {
        var blobs = await Index.DeleteAsync(HierarchyPath.Series("1.1", "1.1.1"));
        Assert.Equal(new[] { _records[0].BlobKey, _records[1].BlobKey }.Order(), blobs.Order());
        Assert.Equal("1", (await StudyAsync("1.1"))![DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
    }

    [Fact]
    public async Task Deleting_studies_prunes_the_patient_only_when_its_last_study_goes()
    {
        Assert.Equal(3, (await Index.DeleteAsync(HierarchyPath.Study("1.1"))).Count);
        Assert.Null(await StudyAsync("1.1"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient"));
        Assert.Single(await Index.DeleteAsync(HierarchyPath.Study("2.2")));
        foreach (var table in new[] { "patient", "study", "series", "instance", "person_name_word" })
            Assert.Equal(0, await Database.ScalarAsync($"SELECT COUNT(*) FROM {table}"));
    }

    [Fact]
    public async Task A_path_that_does_not_match_the_hierarchy_deletes_nothing()
    {
        Assert.Empty(await Index.DeleteAsync(HierarchyPath.Instance("1.1", "1.1.2", "1.1.1.1"))); // wrong series
        Assert.Empty(await Index.DeleteAsync(HierarchyPath.Series("2.2", "1.1.1")));                // wrong study
        Assert.Empty(await Index.DeleteAsync(HierarchyPath.Study("9.9")));
        Assert.Equal(4, await Database.ScalarAsync("SELECT COUNT(*) FROM instance"));
    }
}

public sealed class SqliteDeleteTests() : DeleteTests(() => new SqliteIndexDatabase());
public sealed class PostgresDeleteTests() : DeleteTests(() => new PostgresIndexDatabase());
