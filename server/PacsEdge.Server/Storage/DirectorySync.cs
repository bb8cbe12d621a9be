using System.Runtime.InteropServices;

namespace PacsEdge.Server.Storage;

/// <summary>
/// fsync of a directory, which .NET does not offer: File.OpenHandle refuses directories, so on Linux and macOS
/// we open the directory read-only through libc and fsync that descriptor. Windows has no such call (NTFS
/// journals the rename itself), so there it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;          // O_RDONLY: a directory can be opened read-only without O_DIRECTORY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC (same value on Linux x64 and arm64): not inherited by child processes

    public static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        if (OperatingSystem.IsMacOS()) { SyncWith(directory, ReadOnly); return; }
        SyncWith(directory, ReadOnly | CloseOnExec);
    }

    private static void SyncWith(string directory, int flags)
    {
        var fd = Open(directory, flags);
        if (fd < 0) throw Error("open", directory, Marshal.GetLastPInvokeError());
        try
        {
            if (Fsync(fd) != 0) throw Error("fsync", directory, Marshal.GetLastPInvokeError());
        }
        finally
        {
            Close(fd);
        }
    }

    private static IOException Error(string call, string directory, int errno)
    {
        const int NoSuchFile = 2; // ENOENT
        var message = $"{call} of directory {directory} failed: {Marshal.GetPInvokeErrorMessage(errno)}";
        return errno == NoSuchFile ? new DirectoryNotFoundException(message) : new IOException(message, errno);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
