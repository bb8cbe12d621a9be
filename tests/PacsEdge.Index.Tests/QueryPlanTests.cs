using System.Text.RegularExpressions;
using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using Xunit.Abstractions;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>
/// The typical QIDO-RS queries (the benchmark's study searches and the nested series/instance lists) must be
/// served through an index, so that they stay fast at 100k instances: the plan names the expected index and reads
/// no table in full. SQLite: EXPLAIN QUERY PLAN has no "SCAN" line. PostgreSQL: EXPLAIN after ANALYZE with
/// sequential scans priced out (a few hundred rows would rightly be scanned) has no "Seq Scan" and no full
/// index scan in place of the expected one.
/// </summary>
public abstract partial class QueryPlanTests(Func<IndexDatabase> db, ITestOutputHelper output) : IndexTestBase(db)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        string[] names = ["Müller^Hans", "Doe^Jane", "Åström^Åsa", "O'Brien^Pat", "Smith^Ann"];
        string[] modalities = ["CT", "MR", "US", "SEG", "CR"];
        for (var s = 0; s < 40; s++)
            for (var se = 0; se < 2; se++)
                for (var i = 0; i < 2; i++)
                    await AddAsync(Make($"5.{s}", $"5.{s}.{se}", $"5.{s}.{se}.{i}", values:
                    [
                        (DicomTags.PatientID, $"PID{s % 25}"), (DicomTags.PatientName, names[s % names.Length] + s),
                        (DicomTags.StudyDate, $"2020{1 + s % 12:00}{1 + s % 28:00}"), (DicomTags.AccessionNumber, $"ACC{s}"),
                        (DicomTags.Modality, modalities[(s + se) % modalities.Length]), (DicomTags.InstanceNumber, $"{i + 1}"),
                    ]));
    }

    public static TheoryData<string> TypicalQueries() => new(Typical.Keys);

    private static readonly Dictionary<string, (IndexQuery Query, string[] Indexes)> Typical = new()
    {
        ["PatientID"] = (Studies((DicomTags.PatientID, "PID7")), ["ux_patient_identity", "ix_study_patient"]),
        ["PatientName fuzzy"] = (Studies((DicomTags.PatientName, "mull")) with { FuzzyMatching = true }, ["ux_person_name_word", "ix_study_patient"]),
        ["PatientName wildcard prefix"] = (Studies((DicomTags.PatientName, "DOE*")), ["ix_patient_name_folded", "ix_study_patient"]),
        ["StudyDate range"] = (Studies((DicomTags.StudyDate, "20200301-20200331")), ["ix_study_date"]),
        ["AccessionNumber"] = (Studies((DicomTags.AccessionNumber, "ACC17")), ["ix_study_accession_number"]),
        ["StudyInstanceUID"] = (Studies((DicomTags.StudyInstanceUID, "5.17")), ["ux_study_uid"]),
        ["ModalitiesInStudy"] = (Studies((DicomTags.ModalitiesInStudy, "MR")), ["ix_series_modality"]),
        ["Modality (series)"] = (Series((DicomTags.Modality, "MR")), ["ix_series_modality"]),
        ["series of a study"] = (new IndexQuery(QueryLevel.Series) { StudyInstanceUid = "5.17" }, ["ux_study_uid", "ix_series_study"]),
        ["instances of a series"] = (new IndexQuery(QueryLevel.Instance) { StudyInstanceUid = "5.17", SeriesInstanceUid = "5.17.1" },
            ["ux_series_uid", "ix_instance_series"]),
    };

    [Theory]
    [MemberData(nameof(TypicalQueries))]
    public async Task Typical_query_uses_its_index_and_scans_no_table(string name)
    {
        var (query, indexes) = Typical[name];
        Assert.NotEmpty((await Index.QueryAsync(query)).Rows); // the query is real and matches something
        var plan = await Database.ExplainAsync(Index, query);
        output.WriteLine(plan);
        foreach (var index in indexes)
            Assert.True(plan.Contains(index, StringComparison.Ordinal), $"{Database.Provider} plan for {name} does not use {index}:\n{plan}");
        var fullScans = FullScans(plan.Split('\n')).ToList();
        Assert.True(fullScans.Count == 0, $"{Database.Provider} plan for {name} reads a whole table or index ({string.Join("; ", fullScans)}):\n{plan}");
    }

    /// <summary>
    /// SQLite "SCAN t" / "SCAN t USING INDEX" read a table or index in full. PostgreSQL: "Seq Scan", or an
    /// index scan node whose details have no "Index Cond" (it walks the whole index, e.g. for a merge join).
    /// </summary>
    internal static IEnumerable<string> FullScans(string[] lines)
    {
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (SqliteScan().IsMatch(line) || line.Contains("Seq Scan", StringComparison.Ordinal))
                yield return line.Trim();
            else if (line.Contains("Index Scan using", StringComparison.Ordinal) || line.Contains("Index Only Scan using", StringComparison.Ordinal))
            {
                var details = lines.Skip(n + 1).TakeWhile(l => !l.Contains("->", StringComparison.Ordinal));
                if (!details.Any(d => d.Contains("Index Cond", StringComparison.Ordinal))) yield return line.Trim();
            }
        }
    }

    [GeneratedRegex(@"^\s*(\|--|`--)?\s*SCAN \w+")]
    private static partial Regex SqliteScan();
}

public sealed class SqliteQueryPlanTests(ITestOutputHelper output) : QueryPlanTests(() => new SqliteIndexDatabase(), output);
public sealed class PostgresQueryPlanTests(ITestOutputHelper output) : QueryPlanTests(() => new PostgresIndexDatabase(), output);
