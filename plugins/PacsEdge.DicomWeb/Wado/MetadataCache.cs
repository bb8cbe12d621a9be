using Microsoft.Extensions.Caching.Memory;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// Per-instance metadata JSON kept in memory, bounded by its total size. The key is the stored file's SHA-256 and
/// the base URL the BulkDataURIs were built with: a file never changes under its hash, so nothing goes stale when
/// an instance is replaced or deleted (its new bytes have another hash; the old entry just ages out).
/// </summary>
internal sealed class MetadataCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public MetadataCache(long maxBytes)
    {
        if (maxBytes > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxBytes, CompactionPercentage = 0.25 });
    }

    public bool TryGet(string sha256, string baseUrl, out byte[]? json)
    {
        json = null;
        return _cache is not null && _cache.TryGetValue((sha256, baseUrl), out json) && json is not null;
    }

    public void Set(string sha256, string baseUrl, byte[] json) =>
        _cache?.Set((sha256, baseUrl), json, new MemoryCacheEntryOptions { Size = json.Length + 200 });

    public void Dispose() => _cache?.Dispose();
}
