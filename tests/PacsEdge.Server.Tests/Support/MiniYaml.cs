using System.Text.Json;

namespace PacsEdge.Server.Tests.Support;

/// <summary>
/// Just enough YAML to read docker-compose.yml without a YAML package: block mappings, block lists of
/// scalars, flow lists written as JSON arrays, quoted or plain scalars, comments. Anything else throws, so
/// the compose file cannot silently drift into syntax this reader misreads.
/// Mappings come back as Dictionary&lt;string, object?&gt;, lists as List&lt;object?&gt;, scalars as string.
/// </summary>
public static class MiniYaml
{
    private readonly record struct Line(int Number, int Indent, string Text);

    public static Dictionary<string, object?> Parse(string yaml)
    {
        var lines = yaml.Split('\n').Select((raw, n) => (raw: StripComment(raw.TrimEnd('\r')), n: n + 1))
            .Where(l => l.raw.Trim().Length > 0)
            .Select(l => new Line(l.n, l.raw.Length - l.raw.TrimStart(' ').Length, l.raw.Trim()))
            .ToList();
        var i = 0;
        var root = ParseBlock(lines, ref i, 0);
        if (i != lines.Count) throw new FormatException($"line {lines[i].Number}: unexpected indentation");
        return root as Dictionary<string, object?> ?? throw new FormatException("the document is not a mapping");
    }

    private static object ParseBlock(List<Line> lines, ref int i, int indent)
    {
        if (lines[i].Text.StartsWith("- ")) return ParseList(lines, ref i, indent);
        var map = new Dictionary<string, object?>();
        while (i < lines.Count && lines[i].Indent == indent)
        {
            var line = lines[i];
            var colon = line.Text.EndsWith(':') ? line.Text.Length - 1 : line.Text.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) throw new FormatException($"line {line.Number}: expected 'key: value'");
            var key = line.Text[..colon].Trim();
            var rest = line.Text[(colon + 1)..].Trim();
            i++;
            if (rest.Length > 0) map.Add(key, Scalar(rest, line.Number));
            else if (i < lines.Count && lines[i].Indent > indent) map.Add(key, ParseBlock(lines, ref i, lines[i].Indent));
            else map.Add(key, null);
        }
        return map;
    }

    private static List<object?> ParseList(List<Line> lines, ref int i, int indent)
    {
        var list = new List<object?>();
        for (; i < lines.Count && lines[i].Indent == indent; i++)
        {
            if (!lines[i].Text.StartsWith("- ")) throw new FormatException($"line {lines[i].Number}: a list item must start with '- '");
            list.Add(Scalar(lines[i].Text[2..].Trim(), lines[i].Number));
        }
        return list;
    }

    private static object? Scalar(string text, int lineNumber)
    {
        try
        {
            if (text.StartsWith('[')) return JsonSerializer.Deserialize<List<string>>(text)!.Cast<object?>().ToList();
            if (text.StartsWith('"')) return JsonSerializer.Deserialize<string>(text);
            if (text.StartsWith('\'')) return text.Trim('\'').Replace("''", "'");
        }
        catch (JsonException e) { throw new FormatException($"line {lineNumber}: {e.Message}", e); }
        if (text.StartsWith('{') || text.StartsWith('&') || text.StartsWith('*') || text.StartsWith('|') || text.StartsWith('>'))
            throw new FormatException($"line {lineNumber}: YAML feature not supported here: {text}");
        return text;
    }

    /// <summary>Drops a '#' comment that is outside quotes (at the line start or after a space).</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (quote != '\0') { if (c == quote && (k == 0 || line[k - 1] != '\\')) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (k == 0 || line[k - 1] == ' ')) return line[..k];
        }
        return line;
    }
}
