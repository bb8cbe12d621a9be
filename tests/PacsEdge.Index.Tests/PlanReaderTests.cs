namespace PacsEdge.Index.Tests;

/// <summary>The plan tests' full-scan detector recognises what it must, on plans as the databases print them.</summary>
public sealed class PlanReaderTests
{
    [Fact]
    public void Sqlite_scan_lines_are_full_scans_and_search_lines_are_not()
    {
        string[] plan = ["SCAN st", "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", "SCAN se USING INDEX ix_series_study", "USE TEMP B-TREE FOR ORDER BY"];
        Assert.Equal(["SCAN st", "SCAN se USING INDEX ix_series_study"], QueryPlanTests.FullScans(plan));
    }

    [Fact]
    public void Postgres_seq_scans_and_index_scans_without_a_condition_are_full_scans()
    {
        string[] plan =
        [
            "Limit  (cost=28.77..28.81 rows=16 width=396)",
            "  ->  Merge Join  (cost=0.28..21.46 rows=16 width=321)",
            "        ->  Index Scan using ix_series_modality on series se  (cost=0.14..8.42 rows=16 width=129)",
            "              Index Cond: (modality = 'MR'::text)",
            "        ->  Index Scan using study_pkey on study st  (cost=0.14..12.74 rows=40 width=208)",
            "  ->  Seq Scan on patient p  (cost=0.00..1.40 rows=40 width=91)",
        ];
        Assert.Equal(
            ["->  Index Scan using study_pkey on study st  (cost=0.14..12.74 rows=40 width=208)", "->  Seq Scan on patient p  (cost=0.00..1.40 rows=40 width=91)"],
            QueryPlanTests.FullScans(plan));
    }
}
