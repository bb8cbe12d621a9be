namespace PacsEdge.Server.Storage;

/// <summary>Where instance files live. A blob is immutable and named by the SHA-256 of its bytes.</summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores the stream's bytes durably and returns only once they survive a crash. The SHA-256 is computed
    /// while streaming. Storage errors raise PacsEdgeException (StorageFull, StorageFailure) and leave nothing
    /// behind; errors reading <paramref name="content"/> propagate unchanged.
    /// </summary>
    Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob (or a range of it) for reading; BlobNotFound or RangeNotSatisfiable otherwise.</summary>
    Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range = null, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(BlobKey key, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob durably; removing a missing blob succeeds.</summary>
    Task DeleteAsync(BlobKey key, CancellationToken cancellationToken = default);
}
