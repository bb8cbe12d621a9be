namespace PacsEdge.Plugins;

public enum StoreStatus
{
    /// <summary>New instance stored (or, with OnDuplicate=overwrite, a previous one replaced).</summary>
    Stored,
    /// <summary>Identical bytes were stored already: success, nothing new written (a STOW-RS warning).</summary>
    AlreadyStored,
    /// <summary>Not stored; <see cref="StoreResult.FailureReason"/> and <see cref="StoreResult.Reason"/> say why.</summary>
    Failed,
}

/// <summary>
/// The outcome of one store: the instance's UIDs as far as they were read (null when the input was not
/// understood), the blob it lives in when stored, and for a failure a <see cref="FailureReasonCodes"/> value with
/// a human reason. For a success <see cref="Reason"/> may carry a warning text (duplicate, replaced).
/// </summary>
public sealed record StoreResult
{
    public required StoreStatus Status { get; init; }
    public string? SopClassUid { get; init; }
    public string? SopInstanceUid { get; init; }
    public string? StudyInstanceUid { get; init; }
    public string? SeriesInstanceUid { get; init; }
    public ushort? FailureReason { get; init; }
    public string? Reason { get; init; }
    /// <summary>The stored file's blob key (= its SHA-256); null for a failure.</summary>
    public string? BlobKey { get; init; }
    public long SizeBytes { get; init; }
    /// <summary>OnDuplicate=overwrite replaced an instance with other bytes.</summary>
    public bool Replaced { get; init; }

    public bool Succeeded => Status != StoreStatus.Failed;
    /// <summary>Success with a warning: the identical instance was already stored (PS3.18 WarningReason).</summary>
    public bool IsDuplicateWarning => Status == StoreStatus.AlreadyStored;

    public static StoreResult Failure(ushort code, string reason, StoreDatasetIdentity? identity = null) => new()
    {
        Status = StoreStatus.Failed,
        FailureReason = code,
        Reason = reason,
        SopClassUid = identity?.SopClassUid,
        SopInstanceUid = identity?.SopInstanceUid,
        StudyInstanceUid = identity?.StudyInstanceUid,
        SeriesInstanceUid = identity?.SeriesInstanceUid,
    };
}

/// <summary>The four UIDs that place an instance (as read, possibly missing or invalid).</summary>
public sealed record StoreDatasetIdentity(string? SopClassUid, string? SopInstanceUid, string? StudyInstanceUid, string? SeriesInstanceUid);
