namespace PacsEdge.Dicom.Text;

/// <summary>
/// PS3.5 6.1.2.5.3: where a text value returns to the character set of value 1 of Specific
/// Character Set: before CR, LF, FF and any other control character but ESC (e.g. TAB) in every
/// VR; before the value delimiter '\' in the multi-valued VRs; before the component delimiter '^'
/// and the group delimiter '=' in PN.
/// </summary>
internal static class CodeExtensionResets
{
    public static bool IsResetCharacter(char c, DicomVR vr) => c switch
    {
        < ' ' => c != '\u001B',
        '\\' => !vr.IsSingleValuedText(),
        '^' or '=' => vr == DicomVR.PN,
        _ => false,
    };
}
