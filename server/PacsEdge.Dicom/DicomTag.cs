using System.Globalization;

namespace PacsEdge.Dicom;

/// <summary>
/// A data element tag (group, element) as one 32-bit value, as dcm4che does with a plain int:
/// cheap to copy, compare and sort, with no dictionary lookup attached.
/// </summary>
public readonly record struct DicomTag(uint Value) : IComparable<DicomTag>
{
    public DicomTag(ushort group, ushort element) : this(((uint)group << 16) | element) { }

    public ushort Group => (ushort)(Value >> 16);
    public ushort Element => (ushort)Value;

    /// <summary>Odd groups other than 1, 3, 5, 7 and FFFF hold private data elements (PS3.5 7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008 && Group != 0xFFFF;

    /// <summary>(gggg,0010-00FF) in a private group reserves a block of elements for one creator.</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>For a private data element (gggg,xxee), the creator element (gggg,00xx) that reserves it.</summary>
    public DicomTag PrivateCreatorTag => new(Group, (ushort)(Element >> 8));

    public bool IsGroupLength => Element == 0;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator <(DicomTag a, DicomTag b) => a.Value < b.Value;
    public static bool operator >(DicomTag a, DicomTag b) => a.Value > b.Value;
    public static bool operator <=(DicomTag a, DicomTag b) => a.Value <= b.Value;
    public static bool operator >=(DicomTag a, DicomTag b) => a.Value >= b.Value;

    /// <summary>"(gggg,eeee)" in upper-case hex, as dcmdump prints it.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>"GGGGEEEE", the form DICOM JSON keys and QIDO-RS attribute ids use.</summary>
    public string ToHex() => Value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Parses "GGGGEEEE", "(gggg,eeee)" or "gggg,eeee".</summary>
    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('(') && s.EndsWith(')')) s = s[1..^1];
        s = s.Replace(",", "", StringComparison.Ordinal);
        if (s.Length != 8) return false;
        if (!uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)) return false;
        tag = new DicomTag(v);
        return true;
    }

    public static DicomTag Parse(string text) =>
        TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag");
}
