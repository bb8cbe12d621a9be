namespace PacsEdge.Dicom.Text;

/// <summary>
/// PS3.5 6.1.2.5.3: where a text value returns to the character set of value 1 of Specific
/// Character Set. Before CR, LF, FF and TAB in every VR; before the value delimiter '\' in the
/// multi-valued VRs; before the component delimiter '^' and the group delimiter '=' in PN.
/// </summary>
internal static class CodeExtensionResets
{
    public static bool IsResetCharacter(char c, DicomVR vr) => c switch
    {
        '\r' or '\n' or '\f' or '\t' => true,
        '\\' => !vr.IsSingleValuedText(),
        '^' or '=' => vr == DicomVR.PN,
        _ => false,
    };
}
