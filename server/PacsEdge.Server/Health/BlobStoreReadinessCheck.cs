using System.Security.Cryptography;
using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Health;

/// <summary>Proves the blob store can store: writes random bytes through the full durable path, reads them back, deletes them.</summary>
public sealed class BlobStoreReadinessCheck(IBlobStore blobs) : IReadinessCheck
{
    public string Name => "blob store";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var probe = RandomNumberGenerator.GetBytes(64);
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
