using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Storage;

/// <summary>
/// The one folder a server owns (README "Data directory"): index/ (database), blobs/ (instance files by
/// SHA-256), audit/ (audit trail), keys/ (signing keys), models/ (model bundles IT adds), tmp/ (files being
/// written; same file system as blobs/ so the final rename is atomic). Opening it creates what is missing,
/// takes the exclusive lock, and removes temp files a crash left behind.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private readonly DataDirectoryLock _lock;

    private DataDirectory(string root, DataDirectoryLock dataLock)
    {
        Root = root;
        _lock = dataLock;
    }

    public string Root { get; }
    public string Index => Path.Combine(Root, "index");
    public string Blobs => Path.Combine(Root, "blobs");
    public string Audit => Path.Combine(Root, "audit");
    public string Keys => Path.Combine(Root, "keys");
    public string Models => Path.Combine(Root, "models");
    public string Tmp => Path.Combine(Root, "tmp");
    public string LockFile => _lock.Path;

    public static DataDirectory Open(string path)
    {
        var root = Path.GetFullPath(path);
        try { Directory.CreateDirectory(root); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PacsEdgeException(ErrorCode.DataDirectoryUnusable, $"cannot create data directory {root}: {e.Message}", e);
        }
        var dataLock = DataDirectoryLock.Acquire(root);
        var directory = new DataDirectory(root, dataLock);
        try
        {
            foreach (var sub in new[] { directory.Index, directory.Blobs, directory.Audit, directory.Keys, directory.Models, directory.Tmp })
                Directory.CreateDirectory(sub);
            foreach (var leftover in Directory.EnumerateFiles(directory.Tmp)) File.Delete(leftover);
            return directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            dataLock.Dispose();
            throw new PacsEdgeException(ErrorCode.DataDirectoryUnusable, $"cannot prepare data directory {root}: {e.Message}", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
