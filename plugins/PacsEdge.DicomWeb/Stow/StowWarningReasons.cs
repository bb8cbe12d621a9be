namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Warning Reason (0008,1196) values of a STOW-RS response (PS3.18 Annex I.2.1, Table I.2-1).
/// </summary>
internal static class StowWarningReasons
{
    /// <summary>
    /// The identical instance (same SOP Instance UID, same bytes) was already stored: accepted, nothing new written.
    /// PS3.18 Table I.2-1 defines only B000 (coercion), B006 (elements discarded) and B007 (data set does not match SOP
    /// class) and lets an implementation add codes that its conformance statement defines; none of the three fits, so
    /// this is an implementation-specific code in the warning range (Bxxx) whose low bits repeat PS3.7's "0111 duplicate
    /// SOP instance".
    /// </summary>
    public const ushort AlreadyStoredIdentical = 0xB111;
}
