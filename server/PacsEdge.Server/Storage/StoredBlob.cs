namespace PacsEdge.Server.Storage;

/// <summary>
/// A blob that is durable on disk: its key (= SHA-256), size in bytes, and whether identical bytes were
/// already stored (then nothing new was written).
/// </summary>
public sealed record StoredBlob(BlobKey Key, long Size, bool AlreadyExisted)
{
    /// <summary>The SHA-256 of the bytes, lowercase hex (the key itself, named for callers that keep it in the index).</summary>
    public string Sha256 => Key.Value;
}
