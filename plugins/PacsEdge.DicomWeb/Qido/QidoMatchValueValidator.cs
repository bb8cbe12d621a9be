using System.Globalization;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// Checks a matching key's value against what PS3.4 C.2.2.2 allows for its VR, so a malformed value is a 400 with
/// the reason instead of a query that silently matches nothing: DA/TM/DT single values and ranges (lo-hi, -hi, lo-),
/// UID lists (',' or '\' separated, no wildcards), integers. Text and names take anything (wildcards included).
/// </summary>
internal static class QidoMatchValueValidator
{
    /// <returns>Null when the value is acceptable, else the reason.</returns>
    public static string? Problem(DicomTag tag, string value)
    {
        value = value.Trim();
        if (value.Length == 0 || value.All(c => c == '*')) return null; // universal matching
        var vr = DicomDictionary.TryGetEntry(tag, out var entry) ? entry.DefaultVR : DicomVR.UN;
        return vr switch
        {
            DicomVR.DA => RangeProblem(value, IsDate, "a date YYYYMMDD"),
            DicomVR.TM => RangeProblem(value, IsTime, "a time HH[MM[SS[.FFFFFF]]]"),
            DicomVR.DT => RangeProblem(value, IsDateTime, "a date-time YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX]"),
            DicomVR.UI => UidListProblem(value),
            DicomVR.IS or DicomVR.US or DicomVR.UL or DicomVR.SS or DicomVR.SL or DicomVR.UV or DicomVR.SV =>
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "is not an integer",
            _ => null,
        };
    }

    private static string? RangeProblem(string value, Func<string, bool> isValid, string expected)
    {
        if (value.Contains('*') || value.Contains('?')) return $"wildcards are not allowed here; expected {expected} or a range lo-hi";
        var dash = value.IndexOf('-');
        if (dash < 0) return isValid(value) ? null : $"is not {expected}";
        var lo = value[..dash].Trim();
        var hi = value[(dash + 1)..].Trim();
        if (lo.Length == 0 && hi.Length == 0) return "is a range with neither bound";
        if (lo.Length > 0 && !isValid(lo)) return $"has a lower bound '{lo}' that is not {expected}";
        if (hi.Length > 0 && !isValid(hi)) return $"has an upper bound '{hi}' that is not {expected}";
        // The upper bound includes every value it is a prefix of (the index's rule), so only a real inversion is wrong.
        if (lo.Length > 0 && hi.Length > 0 && string.CompareOrdinal(lo, hi) > 0 && !lo.StartsWith(hi, StringComparison.Ordinal))
            return $"is a range whose lower bound '{lo}' is after its upper bound '{hi}'";
        return null;
    }

    private static bool IsDate(string s) =>
        s.Length == 8 && s.All(char.IsAsciiDigit)
        && DateTime.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsTime(string s)
    {
        var dot = s.IndexOf('.');
        var main = dot < 0 ? s : s[..dot];
        if (dot >= 0 && (main.Length != 6 || s.Length - dot - 1 is < 1 or > 6 || !s[(dot + 1)..].All(char.IsAsciiDigit))) return false;
        if (main.Length is not (2 or 4 or 6) || !main.All(char.IsAsciiDigit)) return false;
        return Two(main, 0) <= 23 && (main.Length < 4 || Two(main, 2) <= 59) && (main.Length < 6 || Two(main, 4) <= 60);
    }

    private static bool IsDateTime(string s)
    {
        var amp = s.IndexOfAny(['+', '&']);
        var main = amp < 0 ? s : s[..amp];
        if (amp >= 0)
        {
            var offset = s[(amp + 1)..];
            if (offset.Length != 4 || !offset.All(char.IsAsciiDigit)) return false;
        }
        var dot = main.IndexOf('.');
        var digits = dot < 0 ? main : main[..dot];
        if (dot >= 0 && (digits.Length != 14 || main.Length - dot - 1 is < 1 or > 6 || !main[(dot + 1)..].All(char.IsAsciiDigit))) return false;
        if (digits.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !digits.All(char.IsAsciiDigit)) return false;
        if (digits.Length >= 6 && Two(digits, 4) is < 1 or > 12) return false;
        if (digits.Length >= 8 && !IsDate(digits[..8])) return false;
        return digits.Length < 10 || IsTime(digits[8..]);
    }

    private static int Two(string s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static string? UidListProblem(string value)
    {
        foreach (var uid in value.Split([',', '\\'], StringSplitOptions.TrimEntries))
        {
            if (UidProblem(uid) is { } problem) return $"has a UID '{uid}' that {problem}";
        }
        return null;
    }

    /// <summary>PS3.5 9.1: at most 64 characters, digits and '.', no empty component (leading zeros tolerated, as the store does).</summary>
    public static string? UidProblem(string uid)
    {
        if (uid.Length == 0) return "is empty";
        if (uid.Length > 64) return "is longer than 64 characters";
        if (uid.Any(c => c is not ((>= '0' and <= '9') or '.'))) return "contains characters other than digits and '.' (no wildcards for UIDs)";
        if (uid[0] == '.' || uid[^1] == '.' || uid.Contains("..", StringComparison.Ordinal)) return "has an empty component";
        return null;
    }
}
