using PacsEdge.Dicom;
using PacsEdge.Index.Matching;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>
/// QIDO-RS matching (PS3.4 C.2.2.2, PS3.18 8.3.4) on a small fixed set of studies, the same on both providers.
/// Each study has one series and one instance; the study number is the last UID component.
/// </summary>
public abstract class MatchingTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    private static readonly (string Name, string Id, string Date, string Time, string Accession, string Referring, string Modality)[] Studies =
    [
        ("Müller^Hans", "PID-1", "20191231", "083000", "50%_OFF", "Ångström^Eva", "CT"),
        ("Mueller^Hanna", "PID-2", "20200101", "120000", "50XYOFF", "O'Brien^Pat", "MR"),
        ("Åström^Åsa", "pid-1", "20200615", "235959", "A[1]", "van der Berg^Jan", "CT"),
        ("O'Brien^Patrick", "PID-3", "20201231", "000000", "ACC*LIT", "Smith^Ann", "US"),
        ("DOE^JANE=ドウ^ジェーン", "PID-4", "20210704", "101010", "ACC?LIT", "Doe^John", "SEG"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (var n = 0; n < Studies.Length; n++)
        {
            var s = Studies[n];
            await AddAsync(Make($"9.{n}", $"9.{n}.1", $"9.{n}.1.1", values:
            [
                (DicomTags.PatientName, s.Name), (DicomTags.PatientID, s.Id), (DicomTags.StudyDate, s.Date), (DicomTags.StudyTime, s.Time),
                (DicomTags.AccessionNumber, s.Accession), (DicomTags.ReferringPhysicianName, s.Referring), (DicomTags.Modality, s.Modality),
                (DicomTags.SeriesNumber, (n + 1).ToString()),
            ]));
        }
            // A sixth study (P1, CT) without AccessionNumber, StudyDate, StudyTime or names.
        var bare = Make("9.5", "9.5.1", "9.5.1.1");
        await AddAsync(bare with { Attributes = bare.Attributes.Where(a => a.Key != DicomTags.PatientName).ToDictionary() });
    }

    private async Task<int[]> StudyNumbersAsync(DicomTag tag, string value, bool fuzzy = false) =>
        (await RowsAsync(Studies((tag, value)) with { FuzzyMatching = fuzzy }))
            .Select(r => int.Parse(r[DicomTags.StudyInstanceUID]!.Split('.')[1])).Order().ToArray();

    [Theory]
    [InlineData("PID-1", new[] { 0 })]
    [InlineData("pid-1", new[] { 2 })]       // single value matching is case-sensitive
    [InlineData("PID", new int[0])]           // and exact, not a prefix
    [InlineData("", new[] { 0, 1, 2, 3, 4, 5 })] // empty value: universal matching
    public async Task PatientID_single_value(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.PatientID, value));

    [Theory]
    [InlineData("PID-*", new[] { 0, 1, 3, 4 })]
    [InlineData("*-1", new[] { 0, 2 })]
    [InlineData("PID-?", new[] { 0, 1, 3, 4 })]
    [InlineData("?ID-1", new[] { 0 })]
    [InlineData("p*", new[] { 2 })]
    public async Task PatientID_wildcards(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTag.Parse("00100020"), value));

    [Theory]
    // '%' and '_' in the data are literal characters, never SQL wildcards.
    [InlineData("50%_OFF", new[] { 0 })]
    [InlineData("50%*", new[] { 0 })]
    [InlineData("50?_OFF", new[] { 0 })]
    [InlineData("50__OFF", new int[0])]
    [InlineData("50*OFF", new[] { 0, 1 })]
    [InlineData("50??OFF", new[] { 0, 1 })]
    // '[' ']' (GLOB classes in SQLite) and '*' '?' stored in the data.
    [InlineData("A[1]", new[] { 2 })]
    [InlineData("A[1*", new[] { 2 })]
    [InlineData("A?1]", new[] { 2 })]
    [InlineData("ACC*LIT", new[] { 3, 4 })] // '*' in the query is always a wildcard
    [InlineData("*", new[] { 0, 1, 2, 3, 4, 5 })] // a lone '*' is universal: also the study without an accession number
    public async Task AccessionNumber_wildcards_escape_sql_characters(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.AccessionNumber, value));

    [Theory]
    [InlineData("9.1,9.3", new[] { 1, 3 })]
    [InlineData("9.1\\9.3\\9.99", new[] { 1, 3 })]
    [InlineData("9.4", new[] { 4 })]
    [InlineData("9.*", new int[0])] // UIDs take no wildcards: '*' inside is a literal
    public async Task StudyInstanceUID_lists(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.StudyInstanceUID, value));

    [Theory]
    [InlineData("20200101-20201231", new[] { 1, 2, 3 })]
    [InlineData("20200101", new[] { 1 })]
    [InlineData("-20200101", new[] { 0, 1 })]
    [InlineData("20201231-", new[] { 3, 4 })]
    [InlineData("-2020", new[] { 0, 1, 2, 3 })]
    [InlineData("2020-", new[] { 1, 2, 3, 4 })]
    [InlineData("20200102-20200614", new int[0])]
    public async Task StudyDate_ranges(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.StudyDate, value));

    [Theory]
    [InlineData("080000-120000", new[] { 0, 1, 4 })]
    [InlineData("-100000", new[] { 0, 3 })]
    [InlineData("120000-", new[] { 1, 2 })]
    [InlineData("10-12", new[] { 1, 4 })]
    public async Task StudyTime_ranges(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.StudyTime, value));

    [Theory]
    [InlineData("muller", new[] { 0 })]           // Müller^Hans: accents and case ignored
    [InlineData("MÜLLER", new[] { 0 })]
    [InlineData("hans", new[] { 0 })]             // start of any component
    [InlineData("han", new[] { 0, 1 })]           // Hans and Hanna
    [InlineData("ller", new int[0])]              // not the middle of a component
    [InlineData("mu", new[] { 0, 1 })]
    [InlineData("astrom", new[] { 2 })]           // Åström^Åsa
    [InlineData("Åsa", new[] { 2 })]
    [InlineData("o'brien", new[] { 3 })]
    [InlineData("OBrien", new[] { 3 })]
    [InlineData("O’Brien", new[] { 3 })]          // typographic apostrophe
    [InlineData("muller^hans", new[] { 0 })]      // every query component must match
    [InlineData("muller^patrick", new int[0])]
    [InlineData("jane", new[] { 4 })]
    [InlineData("ドウ", new[] { 4 })]             // ideographic group
    public async Task PatientName_fuzzy(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.PatientName, value, fuzzy: true));

    [Theory]
    [InlineData("Müller^Hans", new[] { 0 })]
    [InlineData("müller^hans", new[] { 0 })]      // PN ignores case (as Orthanc's default)
    [InlineData("muller", new int[0])]            // without fuzzy matching: the whole name
    [InlineData("Mü*", new[] { 0, 1 })]           // accents ignored: Mueller too
    [InlineData("mu*", new[] { 0, 1 })]
    [InlineData("*^Ha*", new[] { 0, 1 })]
    [InlineData("o'brien*", new[] { 3 })]
    public async Task PatientName_without_fuzzy_matching(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.PatientName, value));

    [Theory]
    [InlineData("angstrom", new[] { 0 })]
    [InlineData("berg", new[] { 2 })]             // a word inside the component "van der Berg"
    [InlineData("obri", new[] { 1 })]
    public async Task ReferringPhysicianName_fuzzy(string value, int[] expected) =>
        Assert.Equal(expected, await StudyNumbersAsync(DicomTags.ReferringPhysicianName, value, fuzzy: true));

    [Fact]
    public async Task ModalitiesInStudy_matches_any_series_modality_and_lists()
    {
        Assert.Equal(new[] { 3 }, await StudyNumbersAsync(DicomTags.ModalitiesInStudy, "US"));
        Assert.Equal(new[] { 0, 1, 2, 5 }, await StudyNumbersAsync(DicomTags.ModalitiesInStudy, "CT,MR"));
        Assert.Equal(new[] { 0, 2, 4, 5 }, await StudyNumbersAsync(DicomTags.ModalitiesInStudy, "CT\\SEG"));
    }

    [Fact]
    public async Task Series_level_matches_series_and_study_keys_and_nested_scope()
    {
        var ct = await RowsAsync(Series((DicomTags.Modality, "CT")));
        Assert.Equal(["9.0.1", "9.2.1", "9.5.1"], ct.Select(r => r[DicomTags.SeriesInstanceUID]));
        var byPatient = await RowsAsync(Series((DicomTags.PatientID, "PID-3")));
        Assert.Equal("US", Assert.Single(byPatient)[DicomTags.Modality]);
        Assert.Equal("4", byPatient[0][DicomTags.SeriesNumber]);
        var nested = await RowsAsync(new IndexQuery(QueryLevel.Series) { StudyInstanceUid = "9.2" });
        Assert.Equal("9.2.1", Assert.Single(nested)[DicomTags.SeriesInstanceUID]);
        Assert.Equal([2], (await RowsAsync(Series((DicomTags.SeriesNumber, "2")))).Select(r => int.Parse(r[DicomTags.SeriesNumber]!)));
    }

    [Fact]
    public async Task Instance_level_with_parent_scope_and_study_keys()
    {
        var scoped = await RowsAsync(new IndexQuery(QueryLevel.Instance) { StudyInstanceUid = "9.1", SeriesInstanceUid = "9.1.1" });
        var row = Assert.Single(scoped);
        Assert.Equal("9.1.1.1", row[DicomTags.SOPInstanceUID]);
        Assert.Equal("PID-2", row[DicomTags.PatientID]);
        Assert.Equal("1.2.840.10008.1.2.1", row[DicomTags.AvailableTransferSyntaxUID]);
        Assert.Empty(await RowsAsync(new IndexQuery(QueryLevel.Instance) { StudyInstanceUid = "9.0", SeriesInstanceUid = "9.1.1" }));
        Assert.Single(await RowsAsync(InstancesQuery((DicomTags.AccessionNumber, "50XYOFF"))));
    }

    [Fact]
    public async Task Limit_and_offset_page_in_insertion_order()
    {
        var page = await RowsAsync(Studies() with { Limit = 2, Offset = 2 });
        Assert.Equal(["9.2", "9.3"], page.Select(r => r[DicomTags.StudyInstanceUID]));
        Assert.Empty(await RowsAsync(Studies() with { Limit = 10, Offset = 6 }));
    }

    [Fact]
    public async Task Keys_the_index_does_not_hold_are_reported_not_ignored_silently()
    {
        var result = await Index.QueryAsync(Studies(
            (DicomTags.BodyPartExamined, "CHEST"), (DicomTags.Modality, "CT"), (DicomTags.NumberOfStudyRelatedInstances, "1"),
            (DicomTags.PatientComments, ""), (DicomTags.PatientID, "PID-1")));
        Assert.Equal([DicomTags.BodyPartExamined, DicomTags.Modality, DicomTags.NumberOfStudyRelatedInstances], result.UnsupportedMatchKeys);
        Assert.Single(result.Rows); // the supported key still applies
    }

    [Fact]
    public async Task A_non_integer_value_for_an_integer_key_is_invalid()
    {
        var error = await Assert.ThrowsAsync<InvalidMatchValueException>(() => Index.QueryAsync(Series((DicomTags.SeriesNumber, "two"))));
        Assert.Equal(DicomTags.SeriesNumber, error.Tag);
    }

    [Fact]
    public async Task Study_rows_carry_the_default_return_keys_and_absent_values_stay_absent()
    {
        var rows = await RowsAsync(Studies((DicomTags.StudyInstanceUID, "9.0,9.5")));
        Assert.Equal("Müller^Hans", rows[0][DicomTags.PatientName]);
        Assert.Equal("20191231", rows[0][DicomTags.StudyDate]);
        Assert.Equal("CT", rows[0][DicomTags.ModalitiesInStudy]);
        Assert.Equal("1", rows[0][DicomTags.NumberOfStudyRelatedInstances]);
        Assert.False(rows[1].Values.ContainsKey(DicomTags.AccessionNumber));
        Assert.False(rows[1].Values.ContainsKey(DicomTags.PatientName));
    }
}

public sealed class SqliteMatchingTests() : MatchingTests(() => new SqliteIndexDatabase());
public sealed class PostgresMatchingTests() : MatchingTests(() => new PostgresIndexDatabase());
