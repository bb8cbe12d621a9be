using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Tests.Support;

/// <summary>A data directory in a temp folder with a blob store over the given file system.</summary>
public sealed class BlobStoreSetup : IDisposable
{
    public TempDirectory Temp { get; } = new();
    public DataDirectory Data { get; }
    public BlobPaths Paths { get; }
    public FileBlobStore Store { get; }

    public BlobStoreSetup(Func<string, IDurableFileSystem>? fileSystem = null)
    {
        Data = DataDirectory.Open(Temp.Path);
        Paths = new BlobPaths(Data.Blobs, Data.Tmp);
        Store = new FileBlobStore(Paths, fileSystem?.Invoke(Data.Root) ?? PhysicalFileSystem.Instance);
    }

    public string[] BlobFiles => TempDirectory.FilesUnder(Data.Blobs);
    public string[] TempFiles => TempDirectory.FilesUnder(Data.Tmp);

    public void Dispose()
    {
        Data.Dispose();
        Temp.Dispose();
    }
}
