namespace PacsEdge.Server.Storage;

/// <summary>The real file system: FileStream.Flush(true) is fsync, File.Move is rename(2), directories are synced through libc.</summary>
public sealed class PhysicalFileSystem : IDurableFileSystem
{
    public static PhysicalFileSystem Instance { get; } = new();

    public Stream CreateNew(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);

    public void FlushToDisk(Stream file)
    {
        if (file is not FileStream fileStream) throw new ArgumentException("only a FileStream can be flushed to disk", nameof(file));
        fileStream.Flush(flushToDisk: true);
    }

    public void Rename(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void SyncDirectory(string directory) => DirectorySync.Sync(directory);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public void DeleteFile(string path) => File.Delete(path);
}
