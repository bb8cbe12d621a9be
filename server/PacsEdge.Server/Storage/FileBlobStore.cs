using System.Buffers;
using System.Security.Cryptography;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Storage;

/// <summary>
/// Blobs as files under the data directory. A write goes: new temp file in tmp/ → write while hashing →
/// fsync the file → (create and fsync missing blob folders) → rename into blobs/ → fsync the folder; only
/// then does it return. Any failure removes the temp file and, if the rename happened, the blob, so a
/// failed write is never visible.
/// </summary>
public sealed class FileBlobStore(BlobPaths paths, IDurableFileSystem fileSystem) : IBlobStore
{
    private const int BufferSize = 128 * 1024;

    public async Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var tempPath = paths.NewTempFile();
        string? renamedTo = null;
        try
        {
            var (key, size) = await WriteTempAsync(content, tempPath, cancellationToken);
            var finalPath = paths.FileOf(key);
            var folder = Path.GetDirectoryName(finalPath)!;
            EnsureFolder(folder);
            if (fileSystem.FileExists(finalPath))
            {
                // Identical bytes are there already. Sync the folder anyway: a concurrent writer of the same
                // bytes may have renamed its file in but not yet made that rename durable.
                fileSystem.DeleteFile(tempPath);
                fileSystem.SyncDirectory(folder);
                return new StoredBlob(key, size, AlreadyExisted: true);
            }
            fileSystem.Rename(tempPath, finalPath);
            renamedTo = finalPath;
            fileSystem.SyncDirectory(folder);
            return new StoredBlob(key, size, AlreadyExisted: false);
        }
        catch (Exception e)
        {
            RemoveQuietly(tempPath);
            if (renamedTo is not null) RemoveQuietly(renamedTo);
            if (e is InputReadException input) throw input.InnerException!;
            if (StorageErrors.IsStorageException(e)) throw StorageErrors.From(e, "writing a blob");
            throw;
        }
    }

    /// <summary>Copies the content into the temp file, hashing as it goes, and fsyncs it.</summary>
    private async Task<(BlobKey Key, long Size)> WriteTempAsync(Stream content, string tempPath, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using var file = fileSystem.CreateNew(tempPath);
            while (true)
            {
                int read;
                try { read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken); }
                catch (Exception e) when (e is not OperationCanceledException) { throw new InputReadException(e); }
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
            await file.FlushAsync(cancellationToken);
            fileSystem.FlushToDisk(file);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (BlobKey.FromSha256(hash.GetHashAndReset()), size);
    }

    /// <summary>Creates the blob's folders top-down, fsyncing each parent so the new folder itself survives a crash.</summary>
    private void EnsureFolder(string folder)
    {
        if (fileSystem.DirectoryExists(folder)) return;
        var parent = Path.GetDirectoryName(folder)!;
        if (!string.Equals(folder, paths.BlobsRoot, StringComparison.Ordinal)) EnsureFolder(parent);
        fileSystem.CreateDirectory(folder);
        fileSystem.SyncDirectory(parent);
    }

    public Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        FileStream file;
        try
        {
            file = new FileStream(paths.FileOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PacsEdgeException(ErrorCode.BlobNotFound, $"No blob {key}.");
        }
        catch (Exception e) when (StorageErrors.IsStorageException(e)) { throw StorageErrors.From(e, "reading a blob"); }
        if (range is not { } r) return Task.FromResult<Stream>(file);
        var length = file.Length;
        if (r.Offset < 0 || r.Length < 0 || r.Offset > length || (r.Length is { } n && n > length - r.Offset))
        {
            file.Dispose();
            throw new PacsEdgeException(ErrorCode.RangeNotSatisfiable, $"The range starting at {r.Offset} does not fit the blob's {length} bytes.");
        }
        file.Position = r.Offset;
        return Task.FromResult<Stream>(new BoundedReadStream(file, r.Length ?? length - r.Offset));
    }

    public Task<bool> ExistsAsync(BlobKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(fileSystem.FileExists(paths.FileOf(key)));

    public Task DeleteAsync(BlobKey key, CancellationToken cancellationToken = default)
    {
        var path = paths.FileOf(key);
        try
        {
            if (!fileSystem.FileExists(path)) return Task.CompletedTask;
            fileSystem.DeleteFile(path);
            fileSystem.SyncDirectory(Path.GetDirectoryName(path)!);
            return Task.CompletedTask;
        }
        catch (Exception e) when (StorageErrors.IsStorageException(e)) { throw StorageErrors.From(e, "deleting a blob"); }
    }

    private void RemoveQuietly(string path)
    {
        try { fileSystem.DeleteFile(path); }
        catch (Exception e) when (StorageErrors.IsStorageException(e)) { /* the write already failed; tmp/ is emptied at the next start */ }
    }

    /// <summary>Marks an error from the caller's stream, so it is rethrown as is and not reported as a storage failure.</summary>
    private sealed class InputReadException(Exception inner) : Exception(inner.Message, inner);
}
