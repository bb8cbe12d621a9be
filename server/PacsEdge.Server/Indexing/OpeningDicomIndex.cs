using PacsEdge.Index;
using PacsEdge.Index.Model;

namespace PacsEdge.Server.Indexing;

/// <summary>
/// The index as the server registers it: opened (and migrated) by the index readiness check right after start,
/// or by the first call, whichever comes first. A failed open (PostgreSQL not up yet) is retried by the next
/// call instead of failing the host's start, so /health can say why it is not ready.
/// </summary>
public sealed class OpeningDicomIndex(Func<CancellationToken, Task<IDicomIndex>> open) : IDicomIndex
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IDicomIndex? _index;

    public async ValueTask<IDicomIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _index) is { } opened) return opened;
        await _gate.WaitAsync(cancellationToken);
        try { return _index ??= await open(cancellationToken); }
        finally { _gate.Release(); }
    }

    public async Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).AddInstanceAsync(instance, cancellationToken);

    public async Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).ReplaceInstanceAsync(instance, cancellationToken);

    public async Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).DeleteAsync(target, cancellationToken);

    public async Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).QueryAsync(query, cancellationToken);

    public async Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).GetInstancesAsync(target, cancellationToken);

    public async Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).ExplainAsync(query, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _index, null) is { } opened) await opened.DisposeAsync();
    }
}
