using PacsEdge.Index;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Tests.Support;

/// <summary>
/// One isolated database of one provider for one test (a fresh SQLite file, or a fresh PostgreSQL schema), so
/// that the test classes run in parallel. The same abstract test classes run against both implementations.
/// </summary>
public abstract class IndexDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>Opens (and migrates) the index; may be called again to re-open the same database.</summary>
    public abstract Task<IDicomIndex> OpenAsync(IndexOptions? options = null);

    /// <summary>The plan the database would run for <paramref name="query"/> on large tables.</summary>
    public abstract Task<string> ExplainAsync(IDicomIndex index, IndexQuery query);

    /// <summary>Runs a scalar SQL statement directly (row counts that the interface does not expose).</summary>
    public abstract Task<long> ScalarAsync(string sql);

    /// <summary>Runs SQL directly (e.g. a schema-1 database built by hand for a migration test); creates the database first.</summary>
    public abstract Task ExecuteAsync(string sql);

    public abstract ValueTask DisposeAsync();
}
