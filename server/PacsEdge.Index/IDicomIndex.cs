using PacsEdge.Index.Model;

namespace PacsEdge.Index;

/// <summary>
/// The PACS index: patient/study/series/instance rows with the attributes QIDO-RS matches and returns.
/// One interface, two providers (<see cref="Storage.SqliteDicomIndex"/>, <see cref="Storage.PostgresDicomIndex"/>);
/// both pass the same test suite. Every write is one transaction.
/// </summary>
public interface IDicomIndex : IAsyncDisposable
{
    /// <summary>Indexes a stored instance, creating or updating its patient, study and series rows.</summary>
    Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default);

    /// <summary>OnDuplicate=overwrite: replaces the row of the same SOP Instance UID atomically (or adds it).</summary>
    Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default);

    /// <summary>Removes the rows below <paramref name="target"/> and returns the blob keys the caller must delete.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default);

    /// <summary>Runs a QIDO-RS query (PS3.18 8.3.4 / PS3.4 C.2.2.2 matching).</summary>
    Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>The stored instances below <paramref name="target"/> (what WADO-RS retrieves), in series then instance order.</summary>
    Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default);

    /// <summary>The database's plan for <paramref name="query"/> (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN), for diagnostics and the plan tests.</summary>
    Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default);
}
