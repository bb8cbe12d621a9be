namespace PacsEdge.Server.Configuration;

/// <summary>Configuration section "Index" (environment: PACSEDGE__Index__*): which database holds the index.</summary>
public sealed class IndexProviderOptions
{
    public const string Section = "Index";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Sqlite (the default: index/index.db in the data directory) or Postgres (needs ConnectionString).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The Npgsql connection string for Provider=Postgres; its Search Path picks the schema. Unused for Sqlite.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Attributes indexed beyond the default return keys (matched and returned by QIDO-RS); applies to instances stored from then on.</summary>
    public List<ExtraTagOptions> ExtraTags { get; set; } = [];
}
