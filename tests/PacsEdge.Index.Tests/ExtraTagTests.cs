using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>Configured extra tags: stored in extra_attribute, matched and returned like indexed ones (both providers).</summary>
public abstract class ExtraTagTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    protected override IndexOptions Options => new()
    {
        ExtraTags = [new(DicomTags.BodyPartExamined, QueryLevel.Series), new(DicomTags.InstitutionName, QueryLevel.Study),
                     new(DicomTags.ContentDate, QueryLevel.Instance)],
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAsync(
            Make("1.1", "1.1.1", "1.1.1.1", values: [(DicomTags.BodyPartExamined, "CHEST"), (DicomTags.InstitutionName, "St. Mary_s"), (DicomTags.ContentDate, "20200110")]),
            Make("1.1", "1.1.2", "1.1.2.1", values: [(DicomTags.BodyPartExamined, "ABDOMEN"), (DicomTags.ContentDate, "20200220")]),
            Make("2.2", "2.2.1", "2.2.1.1", values: [(DicomTags.BodyPartExamined, "CHEST"), (DicomTags.InstitutionName, "General")]));
    }

    [Fact]
    public async Task Extra_tags_match_and_return_at_their_level_and_below()
    {
        var chest = await RowsAsync(Series((DicomTags.BodyPartExamined, "CHEST")));
        Assert.Equal(["1.1.1", "2.2.1"], chest.Select(r => r[DicomTags.SeriesInstanceUID]));
        Assert.Equal("CHEST", chest[0][DicomTags.BodyPartExamined]);
        Assert.Equal("St. Mary_s", chest[0][DicomTags.InstitutionName]);
        Assert.Equal(["1.1"], (await RowsAsync(Studies((DicomTags.InstitutionName, "St. Mary_*")))).Select(r => r[DicomTags.StudyInstanceUID]));
        Assert.Empty(await RowsAsync(Studies((DicomTags.InstitutionName, "St. Mary?_s"))));
        Assert.Equal(["1.1.2.1"], (await RowsAsync(InstancesQuery((DicomTags.ContentDate, "20200201-")))).Select(r => r[DicomTags.SOPInstanceUID]));
    }

    [Fact]
    public async Task An_extra_tag_of_a_lower_level_is_not_a_key_of_a_higher_one()
    {
        var result = await Index.QueryAsync(Studies((DicomTags.BodyPartExamined, "CHEST")));
        Assert.Equal([DicomTags.BodyPartExamined], result.UnsupportedMatchKeys);
    }

    [Fact]
    public async Task Extra_values_go_with_their_rows()
    {
        await Index.DeleteAsync(HierarchyPath.Study("1.1"));
        Assert.Equal(1 + 1, await Database.ScalarAsync("SELECT COUNT(*) FROM extra_attribute")); // study 2.2's two values
    }
}

public sealed class SqliteExtraTagTests() : ExtraTagTests(() => new SqliteIndexDatabase());
public sealed class PostgresExtraTagTests() : ExtraTagTests(() => new PostgresIndexDatabase());
