namespace PacsEdge.Plugins.Errors;

/// <summary>
/// Every error the server reports, closed and grouped by range (as Orthanc's ErrorCode in OrthancException.h):
/// 1xxx the request is wrong (4xx), 2xxx something named does not exist (404), 3xxx a conflict with the
/// current state (409), 5xxx storage, 6xxx configuration and start-up, 9xxx internal faults (500).
/// A number never changes meaning once released; clients may match on it.
/// </summary>
public enum ErrorCode
{
    BadRequest = 1000,
    InvalidParameter = 1001,
    MethodNotAllowed = 1002,
    NotAcceptable = 1003,
    UnsupportedMediaType = 1004,
    RangeNotSatisfiable = 1005,
    /// <summary>A blob key that is not 64 hexadecimal digits (e.g. a path-like value).</summary>
    InvalidBlobKey = 1006,
    /// <summary>The request body is larger than the route allows (HTTP 413).</summary>
    PayloadTooLarge = 1007,

    NotFound = 2000,
    RouteNotFound = 2001,
    BlobNotFound = 2002,
    /// <summary>A study, series, instance, frame or bulk data value that is not stored.</summary>
    ResourceNotFound = 2003,

    Conflict = 3000,
    /// <summary>Another process holds the data directory's exclusive lock.</summary>
    DataDirectoryLocked = 3001,
    /// <summary>
    /// A stored instance's file is not valid DICOM where the request needs it (e.g. Pixel Data shorter than its
    /// frames need): the store accepted it, so the request is fine but the resource's state prevents the answer.
    /// </summary>
    StoredInstanceUnreadable = 3002,

    /// <summary>A read or write on the data directory failed.</summary>
    StorageFailure = 5000,
    /// <summary>The file system is full (ENOSPC); nothing was stored.</summary>
    StorageFull = 5001,
    /// <summary>The server has not finished its start-up checks and cannot store yet.</summary>
    NotReady = 5002,

    InvalidConfiguration = 6000,
    /// <summary>The data directory cannot be created or written.</summary>
    DataDirectoryUnusable = 6001,

    Internal = 9000,
}
