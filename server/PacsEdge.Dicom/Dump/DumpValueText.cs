using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// The value column of a dcmdump line and the value multiplicity dcmdump reports, from an element's raw
/// bytes: text in [brackets] (trailing padding dropped), binary numbers in decimal, FL and FD as C's
/// %.9g and %.17g, AT as (gggg,eeee), OB/UN bytes and OW words in hex joined by "\".
/// Without <see cref="DicomDumpOptions.PrintAllValues"/> a value longer than 70 characters is cut as
/// dcmdump cuts it: text after 67 characters, numbers after the last whole value that leaves room for
/// the "..." that follows.
/// </summary>
internal static class DumpValueText
{
    public const string NoValue = "(no value available)";
    private const int MaxShortLength = 70;
    private const string Ellipsis = "...";

    /// <summary>Binary values are cut at 70 characters, which their first bytes always fill: no need to load a 2 GB value.</summary>
    private const int BinaryPrefixBytes = 512;

    public static (string Text, int Multiplicity) Format(DicomElement element, DicomCharacterSet charset, DicomDumpOptions options)
    {
        var vr = element.VR;
        if (vr.IsString()) return FormatString(element.Span, vr, charset, options);
        int vm = IsOther(vr) ? 1 : (int)(element.Length / Math.Max(1, UnitSize(vr)));
        if (element.Length == 0) return (NoValue, vm);
        var raw = options.PrintAllValues ? element.Span : element.Value.Prefix(BinaryPrefixBytes).Span;
        return (JoinValues(raw, vr, options.PrintAllValues), vm);
    }

    /// <summary>dcmdump reports VM 1 for the "other" VRs and unknown data, whatever their length.</summary>
    private static bool IsOther(DicomVR vr) => vr.IsBulkBinary() || vr == DicomVR.None;

    private static int UnitSize(DicomVR vr) => vr switch
    {
        DicomVR.AT => 4,
        DicomVR.OB or DicomVR.UN or DicomVR.None => 1,
        _ => vr.ElementSize(),
    };

    private static (string, int) FormatString(ReadOnlySpan<byte> raw, DicomVR vr, DicomCharacterSet charset, DicomDumpOptions options)
    {
        string text = options.DecodeCharacterSet ? charset.Decode(raw, vr) : Encoding.Latin1.GetString(raw);
        text = text.TrimEnd(vr == DicomVR.UI ? '\0' : ' ');
        if (text.Length == 0) return (NoValue, 0);
        int vm = vr.IsSingleValuedText() ? 1 : text.Count(c => c == '\\') + 1;
        if (options.MapUidNames && vr == DicomVR.UI && DicomUidNames.TryGetKeyword(text, out var keyword))
            return ("=" + keyword, vm);
        string shown = "[" + text + "]";
        if (!options.PrintAllValues && shown.Length > MaxShortLength)
            shown = shown[..(MaxShortLength - Ellipsis.Length)] + Ellipsis;
        return (shown, vm);
    }

    /// <summary>Binary values joined by "\"; when cut, only whole values and room for "..." stay.</summary>
    private static string JoinValues(ReadOnlySpan<byte> raw, DicomVR vr, bool printAll)
    {
        int unit = UnitSize(vr);
        int count = raw.Length / unit;
        var text = new StringBuilder();
        int fitsWithEllipsis = 0; // text length after the last value that still leaves room for "..."
        for (int i = 0; i < count; i++)
        {
            if (i > 0) text.Append('\\');
            AppendValue(text, raw.Slice(i * unit, unit), vr);
            if (printAll) continue;
            if (text.Length + Ellipsis.Length <= MaxShortLength) fitsWithEllipsis = text.Length;
            if (text.Length > MaxShortLength)
                return text.ToString(0, fitsWithEllipsis) + Ellipsis;
        }
        return text.ToString();
    }

    private static void AppendValue(StringBuilder text, ReadOnlySpan<byte> v, DicomVR vr)
    {
        var c = CultureInfo.InvariantCulture;
        switch (vr)
        {
            case DicomVR.US: text.Append(BinaryPrimitives.ReadUInt16LittleEndian(v).ToString(c)); break;
            case DicomVR.SS: text.Append(BinaryPrimitives.ReadInt16LittleEndian(v).ToString(c)); break;
            case DicomVR.UL or DicomVR.OL: text.Append(BinaryPrimitives.ReadUInt32LittleEndian(v).ToString(c)); break;
            case DicomVR.SL: text.Append(BinaryPrimitives.ReadInt32LittleEndian(v).ToString(c)); break;
            case DicomVR.UV or DicomVR.OV: text.Append(BinaryPrimitives.ReadUInt64LittleEndian(v).ToString(c)); break;
            case DicomVR.SV: text.Append(BinaryPrimitives.ReadInt64LittleEndian(v).ToString(c)); break;
            case DicomVR.FL or DicomVR.OF: text.Append(CNumberFormat.G(BinaryPrimitives.ReadSingleLittleEndian(v), 9)); break;
            case DicomVR.FD or DicomVR.OD: text.Append(CNumberFormat.G(BinaryPrimitives.ReadDoubleLittleEndian(v), 17)); break;
            case DicomVR.AT:
                text.Append('(').Append(BinaryPrimitives.ReadUInt16LittleEndian(v).ToString("x4", c)).Append(',')
                    .Append(BinaryPrimitives.ReadUInt16LittleEndian(v[2..]).ToString("x4", c)).Append(')');
                break;
            case DicomVR.OW: text.Append(BinaryPrimitives.ReadUInt16LittleEndian(v).ToString("x4", c)); break;
            default: text.Append(v[0].ToString("x2", c)); break;
        }
    }
}
