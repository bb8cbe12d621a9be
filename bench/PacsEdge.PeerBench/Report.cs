using System.Globalization;
using System.Text;

namespace PacsEdge.PeerBench;

/// <summary>The markdown table: one row per measure, PacsEdge, Orthanc, the ratio and the issue's target.</summary>
public sealed class Report
{
    private readonly StringBuilder _rows = new();
    private readonly List<string> _notes = [];

    /// <param name="higherIsBetter">true: target is ratio ≥ target; false: ratio ≤ target</param>
    /// <param name="ours">null when PacsEdge was not run (--only orthanc), likewise <paramref name="theirs"/></param>
    public void Row(string measure, double? ours, double? theirs, string unit, double? target = null, bool higherIsBetter = true)
    {
        double? ratio = ours / theirs;
        var targetText = target is null ? "" : (higherIsBetter ? "≥ " : "≤ ") + F(target.Value) + "×";
        var met = target is null || ratio is null ? "" : (higherIsBetter ? ratio >= target : ratio <= target) ? "yes" : "**no**";
        _rows.AppendLine($"| {measure} | {Cell(ours, unit)} | {Cell(theirs, unit)} | {(ratio is null ? "–" : F(ratio.Value) + "×")} | {targetText} | {met} |");
    }

    private static string Cell(double? value, string unit) => value is null ? "–" : $"{F(value.Value)} {unit}";

    public void Line(string measure, string ours, string theirs, string target = "", string met = "") =>
        _rows.AppendLine($"| {measure} | {ours} | {theirs} | | {target} | {met} |");

    public void Note(string note) => _notes.Add(note);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| Measure | PacsEdge | Orthanc | PacsEdge / Orthanc | Target | Met |");
        text.AppendLine("|---|---|---|---|---|---|");
        text.Append(_rows);
        text.AppendLine();
        foreach (var n in _notes) text.AppendLine("- " + n);
        return text.ToString();
    }

    public static string F(double v) => v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    public static string MiB(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";
}
