namespace PacsEdge.Server.Storage;

/// <summary>
/// The file-system calls the blob store makes, one method per step of a durable write, so that a test can
/// record their order and fail any one of them. <see cref="PhysicalFileSystem"/> is the real one.
/// </summary>
public interface IDurableFileSystem
{
    /// <summary>Creates a new file for writing; fails if it exists.</summary>
    Stream CreateNew(string path);
    /// <summary>Forces the file's data and metadata to the device (fsync).</summary>
    void FlushToDisk(Stream file);
    /// <summary>Atomically moves <paramref name="source"/> onto <paramref name="destination"/> (rename(2)); both on one file system.</summary>
    void Rename(string source, string destination);
    /// <summary>Forces a directory's entries to the device (fsync of the directory), making a create, rename or delete in it durable.</summary>
    void SyncDirectory(string directory);
    void CreateDirectory(string path);
    bool FileExists(string path);
    bool DirectoryExists(string path);
    /// <summary>Deletes a file; a missing file is not an error.</summary>
    void DeleteFile(string path);
}
