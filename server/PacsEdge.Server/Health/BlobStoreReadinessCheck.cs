using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Health;

/// <summary>
/// Proves the blob store can store: writes a probe through the full durable path, reads it back, deletes it.
/// The probe's bytes are fixed so every start reuses one blob folder instead of leaving a new empty one.
/// </summary>
public sealed class BlobStoreReadinessCheck(IBlobStore blobs) : IReadinessCheck
{
    public string Name => "blob store";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var probe = "PacsEdge readiness probe: this blob is written and removed at every start."u8.ToArray();
        var stored = await blobs.WriteAsync(new MemoryStream(probe), cancellationToken);
        await using (var read = await blobs.OpenReadAsync(stored.Key, cancellationToken: cancellationToken))
        {
            var back = new MemoryStream();
            await read.CopyToAsync(back, cancellationToken);
            if (!back.ToArray().AsSpan().SequenceEqual(probe)) throw new IOException("the blob store returned other bytes than were written");
        }
        await blobs.DeleteAsync(stored.Key, cancellationToken);
    }
}
