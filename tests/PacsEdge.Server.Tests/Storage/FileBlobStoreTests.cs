using System.Security.Cryptography;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Storage;

public class FileBlobStoreTests
{
    private static byte[] RandomBytes(int n) => RandomNumberGenerator.GetBytes(n);

    [Fact]
    public async Task Write_returns_the_size_and_the_sha256_sha256sum_computes_for_the_stored_file()
    {
        using var setup = new BlobStoreSetup();
        var content = RandomBytes(1_000_003); // several buffers, odd length
        var stored = await setup.Store.WriteAsync(new MemoryStream(content));

        Assert.Equal(content.Length, stored.Size);
        Assert.False(stored.AlreadyExisted);
        var path = setup.Paths.FileOf(stored.Key);
        var sha256sum = ExternalTool.RunChecked("sha256sum", [path]).StdOut.Split(' ')[0];
        Assert.Equal(sha256sum, stored.Sha256);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Empty(setup.TempFiles);
    }

    [Fact]
    public async Task Blob_lands_in_two_levels_of_folders_named_by_its_first_hex_digits()
    {
        using var setup = new BlobStoreSetup();
        var stored = await setup.Store.WriteAsync(new MemoryStream("abc"u8.ToArray()));
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        const string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Assert.Equal(abc, stored.Sha256);
        Assert.Equal([Path.Combine("ba", "78", abc)], setup.BlobFiles);
    }

    [Fact]
    public async Task Identical_bytes_are_stored_once()
    {
        using var setup = new BlobStoreSetup();
        var content = RandomBytes(5000);
        var first = await setup.Store.WriteAsync(new MemoryStream(content));
        var second = await setup.Store.WriteAsync(new MemoryStream(content));
        Assert.Equal(first.Key, second.Key);
        Assert.True(second.AlreadyExisted);
        Assert.Single(setup.BlobFiles);
        Assert.Empty(setup.TempFiles);
    }

    [Fact]
    public async Task Read_whole_and_ranges()
    {
        using var setup = new BlobStoreSetup();
        var content = RandomBytes(300_000);
        var key = (await setup.Store.WriteAsync(new MemoryStream(content))).Key;

        Assert.Equal(content, await ReadAll(await setup.Store.OpenReadAsync(key)));
        Assert.Equal(content[1000..1100], await ReadAll(await setup.Store.OpenReadAsync(key, new BlobRange(1000, 100))));
        Assert.Equal(content[299_990..], await ReadAll(await setup.Store.OpenReadAsync(key, new BlobRange(299_990))));
        Assert.Empty(await ReadAll(await setup.Store.OpenReadAsync(key, new BlobRange(content.Length, 0))));

        foreach (var bad in new[] { new BlobRange(-1, 1), new BlobRange(content.Length + 1), new BlobRange(299_999, 2), new BlobRange(0, -1) })
        {
            var e = await Assert.ThrowsAsync<PacsEdgeException>(() => setup.Store.OpenReadAsync(key, bad));
            Assert.Equal(ErrorCode.RangeNotSatisfiable, e.Code);
        }
    }

    [Fact]
    public async Task Missing_blob_is_BlobNotFound_and_delete_is_idempotent()
    {
        using var setup = new BlobStoreSetup();
        var key = (await setup.Store.WriteAsync(new MemoryStream(RandomBytes(10)))).Key;
        Assert.True(await setup.Store.ExistsAsync(key));

        await setup.Store.DeleteAsync(key);
        await setup.Store.DeleteAsync(key);

        Assert.False(await setup.Store.ExistsAsync(key));
        Assert.Empty(setup.BlobFiles);
        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => setup.Store.OpenReadAsync(key));
        Assert.Equal(ErrorCode.BlobNotFound, e.Code);
    }

    [Fact]
    public async Task An_error_reading_the_input_propagates_as_is_and_leaves_nothing()
    {
        using var setup = new BlobStoreSetup();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => setup.Store.WriteAsync(new FailingStream(200_000)));
        Assert.Equal("client went away", e.Message);
        Assert.Empty(setup.BlobFiles);
        Assert.Empty(setup.TempFiles);
    }

    [Fact]
    public async Task Cancellation_leaves_nothing()
    {
        using var setup = new BlobStoreSetup();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => setup.Store.WriteAsync(new MemoryStream(RandomBytes(1000)), cancel.Token));
        Assert.Empty(setup.BlobFiles);
        Assert.Empty(setup.TempFiles);
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        await using (stream)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    /// <summary>Gives some bytes, then fails as a dropped client connection would.</summary>
    private sealed class FailingStream(int before) : MemoryStream(new byte[before])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new InvalidDataException("client went away");
    }
}
