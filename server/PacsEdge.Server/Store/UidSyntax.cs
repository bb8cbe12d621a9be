using PacsEdge.Plugins;
namespace PacsEdge.Server.Store;

/// <summary>PS3.5 9.1: a UID is at most 64 characters of digits and '.', in non-empty numeric components.</summary>
public static class UidSyntax
{
    public const int MaxLength = 64;

    /// <summary>
    /// Null when <paramref name="uid"/> is a syntactically valid UID, else why not. A leading zero in a component
    /// (forbidden by PS3.5 9.1) is accepted: real modalities write them, dcmtk and Orthanc store such files.
    /// </summary>
    public static string? Problem(string uid)
    {
        if (uid.Length == 0) return "is empty";
        if (uid.Length > MaxLength) return $"is {uid.Length} characters long (at most {MaxLength})";
        foreach (var c in uid)
            if (c is not ((>= '0' and <= '9') or '.')) return $"contains '{(char.IsControl(c) ? '?' : c)}' (only digits and '.' are allowed)";
        if (uid[0] == '.' || uid[^1] == '.' || uid.Contains("..", StringComparison.Ordinal)) return "has an empty component";
        return null;
    }
}
