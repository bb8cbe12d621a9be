namespace PacsEdge.Dicom.Text;

/// <summary>
/// One decoded PN value (PS3.5 6.2.1.1): up to three component groups separated by '=' (alphabetic,
/// ideographic, phonetic), each of up to five components separated by '^' (family name, given name,
/// middle name, prefix, suffix). Split only decoded text (<see cref="DicomCharacterSet.Decode"/>):
/// bytes of multi-byte characters may equal '=' or '^'.
/// </summary>
public sealed record DicomPersonName(string Alphabetic, string Ideographic, string Phonetic)
{
    public static DicomPersonName Parse(string value)
    {
        var groups = value.Split('=', 3);
        return new(groups[0], groups.Length > 1 ? groups[1] : "", groups.Length > 2 ? groups[2] : "");
    }

    /// <summary>The five components of a group (missing ones empty, trailing spaces dropped).</summary>
    public static string[] ComponentsOf(string group)
    {
        var components = new string[5];
        var parts = group.Split('^', 5);
        for (int i = 0; i < 5; i++) components[i] = i < parts.Length ? parts[i].TrimEnd(' ') : "";
        return components;
    }

    public string FamilyName => ComponentsOf(Alphabetic)[0];
    public string GivenName => ComponentsOf(Alphabetic)[1];

    /// <summary>The PN text with empty trailing groups dropped ("A^B=" gives "A^B").</summary>
    public override string ToString() => string.Join('=', new[] { Alphabetic, Ideographic, Phonetic }).TrimEnd('=');
}
