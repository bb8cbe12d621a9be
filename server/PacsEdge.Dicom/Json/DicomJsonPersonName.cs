namespace PacsEdge.Dicom.Json;

/// <summary>
/// PN values as DICOM JSON objects (PS3.18 F.2.2): the '='-separated component groups become
/// "Alphabetic", "Ideographic" and "Phonetic". Empty groups are left out; each component loses its
/// padding spaces and trailing empty components are dropped (PS3.5 6.2.1: they are not significant),
/// which is also what dcm2json writes.
/// </summary>
internal static class DicomJsonPersonName
{
    public static readonly string[] GroupNames = ["Alphabetic", "Ideographic", "Phonetic"];

    /// <summary>The three component groups of one value, normalized; null entries for empty groups.</summary>
    public static string?[] Groups(string value)
    {
        var groups = new string?[3];
        var parts = value.Split('=');
        for (int g = 0; g < Math.Min(parts.Length, 3); g++)
        {
            var components = parts[g].Split('^');
            int last = components.Length - 1;
            for (int c = 0; c < components.Length; c++) components[c] = components[c].Trim(' ');
            while (last >= 0 && components[last].Length == 0) last--;
            groups[g] = last < 0 ? null : string.Join('^', components, 0, last + 1);
        }
        return groups;
    }

    /// <summary>The DICOM text of a value from its groups: '='-joined, trailing empty groups omitted.</summary>
    public static string Join(string?[] groups)
    {
        int last = groups.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(groups[last])) last--;
        return last < 0 ? "" : string.Join('=', groups.Take(last + 1).Select(g => g ?? ""));
    }
}
