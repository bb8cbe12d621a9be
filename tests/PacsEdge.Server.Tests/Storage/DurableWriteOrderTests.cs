using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Storage;

/// <summary>The durable write's steps in their exact order, and a failure at each step leaving nothing visible.</summary>
public class DurableWriteOrderTests
{
    private static readonly byte[] Abc = "abc"u8.ToArray();
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public async Task Write_then_fsync_then_rename_then_directory_fsync()
    {
        RecordingFileSystem? recorder = null;
        using var setup = new BlobStoreSetup(root => recorder = new RecordingFileSystem(root));
        await setup.Store.WriteAsync(new MemoryStream(Abc));

        var temp = Assert.Single(recorder!.Steps, s => s.StartsWith("CreateNew")).Split(' ')[1];
        Assert.StartsWith("tmp/", temp);
        Assert.Equal(
        [
            $"CreateNew {temp}",
            "Write",
            "FlushToDisk",
            "CreateDirectory blobs/ba",
            "SyncDirectory blobs",
            "CreateDirectory blobs/ba/78",
            "SyncDirectory blobs/ba",
            $"Rename {temp} -> blobs/ba/78/{AbcSha256}",
            "SyncDirectory blobs/ba/78",
        ], recorder.Steps);
    }

    [Fact]
    public async Task Second_blob_in_an_existing_folder_skips_the_folder_steps()
    {
        RecordingFileSystem? recorder = null;
        using var setup = new BlobStoreSetup(root => recorder = new RecordingFileSystem(root));
        Directory.CreateDirectory(Path.Combine(setup.Data.Blobs, "ba", "78"));
        await setup.Store.WriteAsync(new MemoryStream(Abc));
        Assert.Equal(["CreateNew", "Write", "FlushToDisk", "Rename", "SyncDirectory"], recorder!.Steps.Select(s => s.Split(' ')[0]));
        Assert.Equal("SyncDirectory blobs/ba/78", recorder.Steps[^1]);
    }

    [Fact]
    public async Task Identical_bytes_remove_their_temp_file_and_sync_the_folder_before_returning()
    {
        RecordingFileSystem? recorder = null;
        using var setup = new BlobStoreSetup(root => recorder = new RecordingFileSystem(root));
        await setup.Store.WriteAsync(new MemoryStream(Abc));
        recorder!.Steps.Clear();

        var again = await setup.Store.WriteAsync(new MemoryStream(Abc));

        Assert.True(again.AlreadyExisted);
        var temp = recorder.Steps[0].Split(' ')[1];
        Assert.Equal([$"CreateNew {temp}", "Write", "FlushToDisk", $"DeleteFile {temp}", "SyncDirectory blobs/ba/78"], recorder.Steps);
    }

    [Theory]
    [InlineData("CreateNew", 1)]
    [InlineData("Write", 1)]
    [InlineData("FlushToDisk", 1)]
    [InlineData("CreateDirectory", 1)]
    [InlineData("SyncDirectory", 1)] // the blobs/ folder after creating blobs/ba
    [InlineData("CreateDirectory", 2)]
    [InlineData("Rename", 1)]
    [InlineData("SyncDirectory", 3)] // the blob's own folder after the rename
    public async Task A_failure_at_any_step_leaves_no_blob_and_no_temp_file(string step, int occurrence)
    {
        RecordingFileSystem? recorder = null;
        using var setup = new BlobStoreSetup(root => recorder = new RecordingFileSystem(root) { FailAt = step, FailOccurrence = occurrence });

        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => setup.Store.WriteAsync(new MemoryStream(Abc)));

        Assert.Equal(ErrorCode.StorageFailure, e.Code);
        Assert.DoesNotContain("injected", e.Message); // the client-facing detail names no internals
        Assert.Empty(setup.BlobFiles);
        Assert.Empty(setup.TempFiles);
        Assert.False(await setup.Store.ExistsAsync(Server.Storage.BlobKey.Parse(AbcSha256)));
    }

    [Fact]
    public async Task Out_of_space_from_the_kernel_is_StorageFull_and_leaves_nothing()
    {
        RecordingFileSystem? recorder = null;
        // /dev/full answers every write with ENOSPC: the real error from the real kernel.
        using var setup = new BlobStoreSetup(root => recorder = new RecordingFileSystem(root)
        {
            StreamOverride = () => new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0),
        });

        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => setup.Store.WriteAsync(new MemoryStream(new byte[100_000])));

        Assert.Equal(ErrorCode.StorageFull, e.Code);
        Assert.Equal(507, e.Code.HttpStatus());
        Assert.Empty(setup.BlobFiles);
        Assert.Empty(setup.TempFiles);
    }
}
