using PacsEdge.Plugins;
using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Store;

/// <summary>
/// Counts the store calls in flight per blob key, so that a failing call removes a blob it created only when no
/// other call (one that found the identical bytes already there) is about to index it. Acquire and the
/// "last one out removes it" decision run under one gate; both are short (a stat, or a delete that already failed
/// the store). In-process is enough: one process owns a data directory (its exclusive lock).
/// </summary>
internal sealed class BlobLeases
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<BlobKey, int> _inFlight = [];

    /// <summary>Takes a lease on the key; returns false when the blob vanished (a concurrent failing call removed it).</summary>
    public async Task<bool> AcquireAsync(BlobKey key, bool mustExist, Func<Task<bool>> exists)
    {
        await _gate.WaitAsync();
        try
        {
            if (mustExist && !await exists()) return false;
            _inFlight[key] = _inFlight.GetValueOrDefault(key) + 1;
            return true;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Drops the lease; when <paramref name="removeIfLast"/> and no other call holds the key, runs it under the gate.</summary>
    public async Task ReleaseAsync(BlobKey key, Func<Task>? removeIfLast = null)
    {
        await _gate.WaitAsync();
        try
        {
            var left = _inFlight.GetValueOrDefault(key) - 1;
            if (left <= 0) _inFlight.Remove(key); else _inFlight[key] = left;
            if (left <= 0 && removeIfLast is not null) await removeIfLast();
        }
        finally { _gate.Release(); }
    }

    /// <summary>Runs <paramref name="remove"/> unless a call in flight holds the key (an old blob after an overwrite).</summary>
    public async Task RemoveIfUnusedAsync(BlobKey key, Func<Task> remove)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_inFlight.ContainsKey(key)) await remove();
        }
        finally { _gate.Release(); }
    }
}
