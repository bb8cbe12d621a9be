using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Storage;

/// <summary>
/// The data directory's owner: a lock file held open with FileShare.None, which .NET on Linux implements
/// with flock(LOCK_EX | LOCK_NB). The kernel drops the lock when the process ends, also by a crash or
/// SIGKILL, so a stale lock file never blocks a restart. The file holds the owner's process id for people.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "pacsedge.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    public string Path => _file.Name;

    public static DataDirectoryLock Acquire(string root)
    {
        var path = System.IO.Path.Combine(root, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(path))
        {
            throw new PacsEdgeException(ErrorCode.DataDirectoryLocked,
                $"data directory {root} is in use by another PacsEdge process (it holds {path}); stop it or choose another data directory", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PacsEdgeException(ErrorCode.DataDirectoryUnusable, $"cannot create the lock file {path}: {e.Message}", e);
        }
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true)) writer.WriteLine(Environment.ProcessId);
        file.Flush(flushToDisk: true);
        return new DataDirectoryLock(file);
    }

    public void Dispose() => _file.Dispose();
}
