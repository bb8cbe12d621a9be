using System.Buffers.Binary;
using System.Globalization;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Dataset;

/// <summary>
/// Converts between an element's raw little-endian bytes and typed values (PS3.5 6.2): text split on
/// backslash and trimmed as each VR allows, binary numbers read per VR, IS/DS parsed as numbers.
/// </summary>
public static class DicomValueCodec
{
    /// <summary>The values of a text element, split and trimmed (an empty value gives an empty array).</summary>
    public static string[] DecodeStrings(ReadOnlySpan<byte> raw, DicomVR vr, DicomCharacterSet charset)
    {
        if (raw.IsEmpty) return [];
        string text = charset.Decode(raw, vr);
        if (vr.IsSingleValuedText()) return [TrimValue(text, vr)];
        var parts = text.Split('\\');
        for (int i = 0; i < parts.Length; i++) parts[i] = TrimValue(parts[i], vr);
        return parts;
    }

    /// <summary>
    /// PS3.5 6.2: leading and trailing spaces are not significant for most string VRs; LT, ST, UT and
    /// UR keep leading spaces; UI is padded with NUL. Trailing NULs are also dropped (a common writer bug).
    /// </summary>
    public static string TrimValue(string value, DicomVR vr) => vr switch
    {
        DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR or DicomVR.PN => value.TrimEnd(' ', '\0'),
        DicomVR.UI => value.Trim('\0', ' '),
        _ => value.Trim(' ', '\0'),
    };

    /// <summary>
    /// Number of values: binary elements by size, text elements by delimiters. Text is decoded first
    /// when its character set has multi-byte characters, whose second byte may be 0x5C (GBK, ISO 2022 IR 87).
    /// </summary>
    public static int Multiplicity(ReadOnlySpan<byte> raw, DicomVR vr, DicomCharacterSet? charset = null)
    {
        if (raw.IsEmpty) return 0;
        int size = vr == DicomVR.AT ? 4 : vr.ElementSize();
        if (vr.IsBinaryNumber() || vr == DicomVR.AT) return raw.Length / size;
        if (!vr.IsString() || vr.IsSingleValuedText()) return 1;
        if (vr.UsesSpecificCharacterSet() && charset is { IsDefaultRepertoire: false })
            return charset.Decode(raw, vr).Count(c => c == '\\') + 1;
        return raw.Count((byte)'\\') + 1;
    }

    /// <summary>Binary numbers of the element as doubles (for FL/FD/SS/US/SL/UL/SV/UV), or parsed IS/DS text.</summary>
    public static bool TryDecodeNumbers(ReadOnlySpan<byte> raw, DicomVR vr, out double[] values)
    {
        values = [];
        switch (vr)
        {
            case DicomVR.US: values = Read(raw, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s)); return true;
            case DicomVR.SS: values = Read(raw, 2, s => BinaryPrimitives.ReadInt16LittleEndian(s)); return true;
            case DicomVR.UL: values = Read(raw, 4, s => BinaryPrimitives.ReadUInt32LittleEndian(s)); return true;
            case DicomVR.SL: values = Read(raw, 4, s => BinaryPrimitives.ReadInt32LittleEndian(s)); return true;
            case DicomVR.FL: values = Read(raw, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s)); return true;
            case DicomVR.FD: values = Read(raw, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s)); return true;
            case DicomVR.SV: values = Read(raw, 8, s => BinaryPrimitives.ReadInt64LittleEndian(s)); return true;
            case DicomVR.UV: values = Read(raw, 8, s => BinaryPrimitives.ReadUInt64LittleEndian(s)); return true;
            case DicomVR.IS or DicomVR.DS:
                var texts = DecodeStrings(raw, vr, DicomCharacterSet.Default);
                var list = new List<double>(texts.Length);
                foreach (var t in texts)
                {
                    if (t.Length == 0) continue;
                    if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
                    list.Add(d);
                }
                values = list.ToArray();
                return true;
            default:
                return false;
        }
    }

    /// <summary>AT values: each a (group, element) pair of two little-endian 16-bit words.</summary>
    public static DicomTag[] DecodeTags(ReadOnlySpan<byte> raw)
    {
        var tags = new DicomTag[raw.Length / 4];
        for (int i = 0; i < tags.Length; i++)
            tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 4 + 2)..]));
        return tags;
    }

    private delegate double Reader(ReadOnlySpan<byte> s);

    private static double[] Read(ReadOnlySpan<byte> raw, int size, Reader read)
    {
        var values = new double[raw.Length / size];
        for (int i = 0; i < values.Length; i++) values[i] = read(raw.Slice(i * size, size));
        return values;
    }
}
