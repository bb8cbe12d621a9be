using System.Globalization;
using System.Text.RegularExpressions;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>
/// Line-by-line comparison of our dump with dcmdump's. The one normalization: FL/FD/OF/OD values are
/// compared as numbers (the same float or double) rather than as text, because dcmdump's own float
/// printing now and then emits one digit more than C's %.9g (179.0357971 for the float 179.035797);
/// when either side cut the list with "...", the values both show are compared. Everything else,
/// including the padding of other lines, must be equal character for character.
/// </summary>
internal static partial class DumpComparison
{
    [GeneratedRegex(@"^(?<head> *\([0-9a-f]{4},[0-9a-f]{4}\) (?<vr>FL|FD|OF|OD) )(?<value>\S+) +(?<tail>#.*)$")]
    private static partial Regex FloatLine();

    /// <summary>The line pairs (expected, actual) that differ after normalization; an extra line on one side pairs with "".</summary>
    public static List<(string Expected, string Actual)> Differences(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var differences = new List<(string, string)>();
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string x = i < e.Length ? e[i] : "", y = i < a.Length ? a[i] : "";
            if (x != y && !SameFloats(x, y)) differences.Add((x, y));
        }
        return differences;
    }

    private static bool SameFloats(string expected, string actual)
    {
        var x = FloatLine().Match(expected);
        var y = FloatLine().Match(actual);
        if (!x.Success || !y.Success || x.Groups["head"].Value != y.Groups["head"].Value || x.Groups["tail"].Value != y.Groups["tail"].Value)
            return false;
        var (xs, xCut) = Values(x.Groups["value"].Value);
        var (ys, yCut) = Values(y.Groups["value"].Value);
        if (!xCut && !yCut && xs.Length != ys.Length) return false;
        bool single = x.Groups["vr"].Value is "FL" or "OF";
        for (int i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            bool same = single
                ? float.Parse(xs[i], CultureInfo.InvariantCulture) == float.Parse(ys[i], CultureInfo.InvariantCulture)
                : double.Parse(xs[i], CultureInfo.InvariantCulture) == double.Parse(ys[i], CultureInfo.InvariantCulture);
            if (!same) return false;
        }
        return true;
    }

    private static (string[] Values, bool Cut) Values(string text) =>
        text.EndsWith("...", StringComparison.Ordinal) ? (text[..^3].Split('\\'), true) : (text.Split('\\'), false);
}
