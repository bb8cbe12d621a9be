namespace PacsEdge.Dicom;

/// <summary>What PS3.5 says about each VR that the reader, writer and codecs need to know.</summary>
public static class DicomVRInfo
{
    /// <summary>All defined VRs (not <see cref="DicomVR.None"/>).</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
        Enum.GetValues<DicomVR>().Where(v => v != DicomVR.None).ToArray();

    public static string Code(this DicomVR vr) =>
        vr == DicomVR.None ? "na" : new string([(char)((ushort)vr >> 8), (char)((ushort)vr & 0xFF)]);

    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (DicomVR)((first << 8) | second);
        return vr != DicomVR.None && Enum.IsDefined(vr);
    }

    public static bool TryParse(string? code, out DicomVR vr)
    {
        vr = DicomVR.None;
        return code is { Length: 2 } && TryParse((byte)code[0], (byte)code[1], out vr);
    }

    /// <summary>Explicit VR encodings give these a 2-byte reserved field and a 32-bit length (PS3.5 7.1.2).</summary>
    public static bool HasLongExplicitLength(this DicomVR vr) => vr is
        DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or
        DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.UV;

    /// <summary>Character string VRs, whose values are text (AT and binary numbers are not).</summary>
    public static bool IsString(this DicomVR vr) => vr is
        DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or
        DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or
        DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>String VRs whose bytes go through Specific Character Set (the others are always ASCII).</summary>
    public static bool UsesSpecificCharacterSet(this DicomVR vr) => vr is
        DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>String VRs that hold one value only: a backslash is text, not a delimiter.</summary>
    public static bool IsSingleValuedText(this DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>Size in bytes of one binary value (and the unit of byte swapping); 0 for strings, OB, UN, SQ.</summary>
    public static int ElementSize(this DicomVR vr) => vr switch
    {
        DicomVR.AT => 2, // swapped as two 16-bit halves
        DicomVR.OW or DicomVR.SS or DicomVR.US => 2,
        DicomVR.OF or DicomVR.OL or DicomVR.FL or DicomVR.SL or DicomVR.UL => 4,
        DicomVR.OD or DicomVR.OV or DicomVR.FD or DicomVR.SV or DicomVR.UV => 8,
        _ => 0,
    };

    /// <summary>Binary numeric VRs whose values DICOM JSON writes as JSON numbers in "Value".</summary>
    public static bool IsBinaryNumber(this DicomVR vr) => vr is
        DicomVR.FD or DicomVR.FL or DicomVR.SL or DicomVR.SS or DicomVR.SV or DicomVR.UL or DicomVR.US or DicomVR.UV;

    /// <summary>Bulk binary VRs (DICOM JSON gives them InlineBinary or a BulkDataURI).</summary>
    public static bool IsBulkBinary(this DicomVR vr) => vr is
        DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN;

    /// <summary>The byte that pads a value to even length: space for text, NUL for UI and binary (PS3.5 6.2).</summary>
    public static byte PaddingByte(this DicomVR vr) => vr.IsString() && vr != DicomVR.UI ? (byte)' ' : (byte)0;
}
