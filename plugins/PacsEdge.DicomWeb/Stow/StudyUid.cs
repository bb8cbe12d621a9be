namespace PacsEdge.DicomWeb.Stow;

/// <summary>The {study} of /studies/{study}: a UID (PS3.5 9.1: digits and dots, at most 64 characters).</summary>
internal static class StudyUid
{
    /// <summary>Null when <paramref name="value"/> is a syntactically valid UID, else why not.</summary>
    public static string? Problem(string value)
    {
        if (value.Length is 0 or > 64) return "a UID has 1 to 64 characters";
        if (value.Any(c => c is not (>= '0' and <= '9' or '.'))) return "a UID has only digits and dots";
        if (value.StartsWith('.') || value.EndsWith('.') || value.Contains("..")) return "a UID's components are separated by single dots";
        return null;
    }
}
