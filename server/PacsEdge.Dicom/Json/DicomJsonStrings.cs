namespace PacsEdge.Dicom.Json;

/// <summary>
/// How the text of a string element becomes the "Value" array of DICOM JSON: when the element counts
/// as empty (no "Value"), how it splits on backslash, and which padding each value loses.
/// The rules are PS3.5 6.2's (which spaces are significant per VR), applied the way dcmtk 3.6.7
/// applies them, so that our output equals dcm2json's. Deliberately not DicomValueCodec's rules: those
/// forgive writer bugs for typed access (a UID padded with a space is still the UID, as pydicom reads it),
/// while JSON must keep exactly what dcm2json keeps.
/// </summary>
internal static class DicomJsonStrings
{
    /// <summary>
    /// Characters that carry no value: an element whose text is made of these only has no "Value"
    /// (dcmtk's "non-significant characters" per VR; PN adds its component delimiters).
    /// </summary>
    public static string NonSignificant(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.CS or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.SH or DicomVR.UC => " \\",
        DicomVR.PN => " \\^=",
        DicomVR.DA or DicomVR.TM or DicomVR.UI => "\\",
        _ => "",
    };

    public static bool IsEmpty(string text, DicomVR vr)
    {
        var insignificant = NonSignificant(vr);
        return text.Length == 0 || (insignificant.Length > 0 && text.AsSpan().IndexOfAnyExcept(insignificant) < 0);
    }

    /// <summary>The values of a text, split on backslash unless the VR holds a single value (LT, ST, UT, UR).</summary>
    public static string[] Split(string text, DicomVR vr)
    {
        // The padding that makes the whole value even-length goes first (also for AS, whose
        // values are fixed-width and otherwise kept as they are).
        text = vr == DicomVR.UI ? text.TrimEnd('\0') : text.TrimEnd(' ');
        if (vr.IsSingleValuedText()) return [Trim(text, vr)];
        var parts = text.Split('\\');
        for (int i = 0; i < parts.Length; i++) parts[i] = Trim(parts[i], vr);
        return parts;
    }

    /// <summary>
    /// PS3.5 6.2: leading and trailing spaces are padding for AE, CS, DS, IS, LO, SH; trailing ones
    /// only for DA, DT, TM, PN, LT, ST, UC, UR, UT; UI pads with NUL; AS has fixed width and no padding.
    /// </summary>
    public static string Trim(string value, DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.CS or DicomVR.DS or DicomVR.IS or DicomVR.LO or DicomVR.SH => value.Trim(' '),
        DicomVR.UI => value.TrimEnd('\0'),
        DicomVR.AS => value,
        _ => value.TrimEnd(' '),
    };
}
