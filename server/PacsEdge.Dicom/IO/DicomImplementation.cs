namespace PacsEdge.Dicom.IO;

/// <summary>How PacsEdge names itself in the file meta information it writes (PS3.7 D.3.3.2).</summary>
public static class DicomImplementation
{
    /// <summary>A 2.25 UID derived once from a UUID for PacsEdge; it identifies the writing software, not an instance.</summary>
    public const string ClassUid = "2.25.208413765327451046209914637498735203917";

    /// <summary>At most 16 characters (SH).</summary>
    public const string VersionName = "PACSEDGE_0_1";
}
