using System.Collections.Concurrent;

namespace PacsEdge.Server.Instances;

/// <summary>
/// Frame layouts by blob key. A blob key names content (its hash), so a layout never goes stale; the cache is only
/// bounded: past <see cref="MaxWeight"/> the least recently used tenth (by weight) is dropped in one sweep.
/// </summary>
internal sealed class FrameLayoutCache(long maxWeight = FrameLayoutCache.DefaultMaxWeight)
{
    /// <summary>About 20 MB of ranges at most: 1M native layouts, or fewer multi-fragment ones.</summary>
    public const long DefaultMaxWeight = 1_000_000;

    private sealed class Entry(FrameLayout layout, long lastUse)
    {
        public FrameLayout Layout { get; } = layout;
        public long LastUse = lastUse;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private long _clock;
    private long _weight;

    public long MaxWeight { get; } = maxWeight;
    public int Count => _entries.Count;

    public bool TryGet(string blobKey, out FrameLayout layout)
    {
        if (_entries.TryGetValue(blobKey, out var entry))
        {
            Volatile.Write(ref entry.LastUse, Interlocked.Increment(ref _clock));
            layout = entry.Layout;
            return true;
        }
        layout = null!;
        return false;
    }

    public void Add(string blobKey, FrameLayout layout)
    {
        if (!_entries.TryAdd(blobKey, new Entry(layout, Interlocked.Increment(ref _clock)))) return;
        if (Interlocked.Add(ref _weight, layout.Weight) > MaxWeight) Sweep();
    }

    private void Sweep()
    {
        lock (_sweep)
        {
            if (Volatile.Read(ref _weight) <= MaxWeight) return;
            long target = MaxWeight - MaxWeight / 10;
            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => Volatile.Read(ref e.Value.LastUse)))
            {
                if (Volatile.Read(ref _weight) <= target) break;
                if (_entries.TryRemove(key, out var removed)) Interlocked.Add(ref _weight, -removed.Layout.Weight);
            }
        }
    }
}
