namespace PacsEdge.Plugins;

/// <summary>
/// The Failure Reason (0008,1197) values a store can end with. Sources: PS3.4 Annex B.2.3 (Storage Service
/// Class statuses: A7xx out of resources, A9xx data set does not match SOP class, Cxxx cannot understand),
/// PS3.7 Annex C (0110 processing failure, 0111 duplicate SOP instance, 0122 SOP class not supported) and
/// PS3.18 10.5.3 (STOW-RS failure reasons, including an instance outside the study named by the request).
/// </summary>
public static class FailureReasonCodes
{
    /// <summary>PS3.7 C.4.4: a general failure while processing (the index or the disk failed unexpectedly).</summary>
    public const ushort ProcessingFailure = 0x0110;

    /// <summary>PS3.7 C.4.5: an instance with this SOP Instance UID is already stored with other bytes.</summary>
    public const ushort DuplicateSopInstance = 0x0111;

    /// <summary>PS3.7 C.4.12: the SOP class is not one this server stores.</summary>
    public const ushort SopClassNotSupported = 0x0122;

    /// <summary>PS3.4 B.2.3: out of resources (the data directory is full).</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>PS3.4 B.2.3: the data set does not match the SOP class (required attributes missing or invalid).</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;

    /// <summary>
    /// PS3.18 10.5.3: the instance does not belong to the study named in the request (STOW-RS /studies/{uid}).
    /// PS3.18 reports this with the "data set does not match SOP class" code (A900), distinguished by its reason.
    /// </summary>
    public const ushort ReferencedStudyMismatch = 0xA900;

    /// <summary>PS3.4 B.2.3: cannot understand (not DICOM, truncated, or a meta group inconsistent with the data set).</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>The instance conflicts with the stored hierarchy (its series or itself already belong elsewhere): a processing failure with that reason.</summary>
    public const ushort HierarchyConflict = ProcessingFailure;
}
