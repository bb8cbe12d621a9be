using PacsEdge.Dicom;
using System.Globalization;
using System.Text.Json;

namespace PacsEdge.Testing;

/// <summary>
/// Compares two DICOM JSON documents after the only normalization the corpus test allows:
/// key order is ignored, numbers are compared by value (DS/IS/FD/FL text differs between writers:
/// "1.0" vs "1", float digits), and an attribute with "BulkDataURI" matches one with "InlineBinary".
/// Everything else (VRs, strings, nulls, array lengths, base64 text) must be identical.
/// </summary>
public static class JsonNormalizedComparer
{
    public static List<string> Differences(JsonElement expected, JsonElement actual)
    {
        var diffs = new List<string>();
        Compare(expected, actual, "$", null, diffs);
        return diffs;
    }

    private static void Compare(JsonElement e, JsonElement a, string path, string? vr, List<string> diffs)
    {
        if (diffs.Count > 20) return;
        if (e.ValueKind != a.ValueKind)
        {
            diffs.Add($"{path}: {e.ValueKind} {Clip(e)} vs {a.ValueKind} {Clip(a)}");
            return;
        }
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (IsBulk(e) && IsBulk(a)) return;
                var vrHere = e.TryGetProperty("vr", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : vr;
                var keys = e.EnumerateObject().Select(p => p.Name).ToHashSet();
                var otherKeys = a.EnumerateObject().Select(p => p.Name).ToHashSet();
                foreach (var k in keys.Except(otherKeys)) diffs.Add($"{path}.{k}: missing in ours ({Clip(e.GetProperty(k))})");
                foreach (var k in otherKeys.Except(keys)) diffs.Add($"{path}.{k}: extra in ours ({Clip(a.GetProperty(k))})");
                foreach (var k in keys.Intersect(otherKeys)) Compare(e.GetProperty(k), a.GetProperty(k), $"{path}.{k}", vrHere, diffs);
                break;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength()) diffs.Add($"{path}: {e.GetArrayLength()} values vs {a.GetArrayLength()}: {Clip(e)} vs {Clip(a)}");
                else for (int i = 0; i < e.GetArrayLength(); i++) Compare(e[i], a[i], $"{path}[{i}]", vr, diffs);
                break;
            case JsonValueKind.Number:
                if (!SameNumber(e.GetRawText(), a.GetRawText(), vr)) diffs.Add($"{path}: number {e.GetRawText()} vs {a.GetRawText()}");
                break;
            default:
                if (e.GetRawText() != a.GetRawText()) diffs.Add($"{path}: {Clip(e)} vs {Clip(a)}");
                break;
        }
    }

    private static bool IsBulk(JsonElement attribute) =>
        attribute.TryGetProperty("BulkDataURI", out _) || attribute.TryGetProperty("InlineBinary", out _);

    /// <summary>Equal as decimals; FL values also when they name the same 32-bit float (writers print different digit counts).</summary>
    private static bool SameNumber(string e, string a, string? vr)
    {
        if (e == a) return true;
        if (decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var de)
            && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da) && de == da) return true;
        double x = double.Parse(e, CultureInfo.InvariantCulture), y = double.Parse(a, CultureInfo.InvariantCulture);
        return x == y || (vr == "FL" && (float)x == (float)y);
    }

    private static string Clip(JsonElement e)
    {
        var s = e.GetRawText();
        return s.Length > 120 ? s[..120] + "..." : s;
    }
}
