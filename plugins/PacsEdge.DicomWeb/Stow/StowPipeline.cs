using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Overlaps the reading of a STOW-RS body with the durable stores of the parts already read: each part is copied
/// into a <see cref="StowPartBuffer"/> (at most <c>partBufferBytes</c>) and stored in the background, at most
/// <c>depth</c> at a time, while the next part is read. The fsyncs and index commits of several instances then
/// wait together instead of one after the other. A part larger than the buffer is stored before reading on (the
/// rest of it is still in the body), so memory stays at most depth × partBufferBytes per request whatever its size.
/// Outcomes keep part order. <see cref="DisposeAsync"/> waits for every store still running, so a request that
/// ends early (client abort, broken framing) never leaves a store running after it; each store is atomic.
/// </summary>
internal sealed class StowPipeline(IStoreService store, StoreRequest request, int depth, long partBufferBytes) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(depth, depth);
    private readonly List<Task<StowOutcome>> _outcomes = [];

    public int Count => _outcomes.Count;

    /// <summary>A part that failed before reaching the store pipeline.</summary>
    public void Add(StowOutcome outcome) => _outcomes.Add(Task.FromResult(outcome));

    /// <summary>Reads the part's body (or its first bytes) and starts its store; returns when the next part may be read.</summary>
    public async Task StartAsync(MultipartPart part, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        StowPartBuffer buffer;
        try { buffer = await StowPartBuffer.FillAsync(part.Body, partBufferBytes, cancellationToken); }
        catch
        {
            _slots.Release();
            throw;
        }
        if (buffer.IsComplete)
            _outcomes.Add(Task.Run(() => StoreAsync(part.Index, buffer, cancellationToken), CancellationToken.None));
        else // errors reading the rest of the body (broken framing, abort) surface here, as they did before buffering
            _outcomes.Add(Task.FromResult(await StoreAsync(part.Index, buffer, cancellationToken)));
    }

    private async Task<StowOutcome> StoreAsync(int partIndex, StowPartBuffer buffer, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = buffer.OpenRead();
            return new StowOutcome(partIndex, await store.StoreAsync(stream, request, cancellationToken));
        }
        finally
        {
            buffer.Dispose();
            _slots.Release();
        }
    }

    /// <summary>Every part's outcome, in part order, once all stores have finished.</summary>
    public async Task<List<StowOutcome>> CompleteAsync() => [.. await Task.WhenAll(_outcomes)];

    public async ValueTask DisposeAsync()
    {
        try { await Task.WhenAll(_outcomes); }
        catch { /* the request already failed; only waiting for the stores matters here */ }
        _slots.Dispose();
    }
}
