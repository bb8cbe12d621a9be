using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Storage;

/// <summary>Turns file-system exceptions into the storage error codes; the client sees no path or errno.</summary>
internal static class StorageErrors
{
    private const int LinuxNoSpace = 28;                           // ENOSPC (also on macOS)
    private const int LinuxQuotaExceeded = 122;                    // EDQUOT
    private const int WindowsDiskFull = unchecked((int)0x80070070);        // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);  // ERROR_HANDLE_DISK_FULL

    /// <summary>.NET on Unix puts the errno in HResult of the IOException it raises.</summary>
    public static bool IsOutOfSpace(Exception e) =>
        e is IOException { HResult: LinuxNoSpace or LinuxQuotaExceeded or WindowsDiskFull or WindowsHandleDiskFull };

    public static PacsEdgeException From(Exception e, string action) =>
        e switch
        {
            PacsEdgeException known => known,
            _ when IsOutOfSpace(e) => new PacsEdgeException(ErrorCode.StorageFull, $"The data directory is full; {action} failed and nothing was stored.", e),
            _ => new PacsEdgeException(ErrorCode.StorageFailure, $"The data directory could not be used; {action} failed.", e),
        };

    public static bool IsStorageException(Exception e) => e is IOException or UnauthorizedAccessException;
}
