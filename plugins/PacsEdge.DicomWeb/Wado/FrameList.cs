using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>The {frames} path segment of PS3.18 10.4.1.1.3: one or more 1-based frame numbers separated by commas ("1", "1,3,5").</summary>
internal static class FrameList
{
    /// <summary>More numbers than this in one request is a malformed list (a URL cannot sensibly carry more).</summary>
    public const int MaxFrames = 10_000;

    public static IReadOnlyList<int> Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length > MaxFrames) throw Malformed(text, $"more than {MaxFrames} frame numbers");
        var numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            if (p.Length == 0 || p.Length > 9 || !p.All(char.IsAsciiDigit)) throw Malformed(text, $"'{Clip(p)}' is not a frame number");
            numbers[i] = int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
            if (numbers[i] < 1) throw Malformed(text, "frame numbers start at 1");
        }
        return numbers;
    }

    private static PacsEdgeException Malformed(string text, string why) =>
        new(ErrorCode.InvalidParameter, $"The frame list '{Clip(text)}' is malformed: {why}.");

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
