namespace PacsEdge.Server.Hosting;

/// <summary>One forwarded-element of RFC 7239 (section 4): for, proto and host; by is not used.</summary>
internal sealed record ForwardedElement(string? For, string? Proto, string? Host);

/// <summary>
/// Parses the RFC 7239 Forwarded header: elements separated by commas (one per proxy, nearest last; several header
/// lines concatenate), each a list of name=value pairs separated by semicolons, values tokens or quoted strings.
/// A header that does not parse yields null, and is then ignored as a whole.
/// </summary>
internal static class ForwardedHeaderParser
{
    public static IReadOnlyList<ForwardedElement>? Parse(IEnumerable<string?> headerValues)
    {
        var elements = new List<ForwardedElement>();
        foreach (var value in headerValues)
        {
            if (value is null) continue;
            var i = 0;
            while (i < value.Length)
            {
                string? forValue = null, proto = null, host = null;
                while (true)
                {
                    SkipSpaces(value, ref i);
                    if (i < value.Length && value[i] == ',') break; // empty element
                    var nameStart = i;
                    while (i < value.Length && value[i] is not ('=' or ';' or ',' or ' ' or '\t')) i++;
                    var name = value[nameStart..i];
                    if (name.Length == 0 || i >= value.Length || value[i] != '=') return null;
                    i++;
                    var pairValue = ReadValue(value, ref i);
                    if (pairValue is null) return null;
                    switch (name.ToLowerInvariant())
                    {
                        case "for": forValue = pairValue; break;
                        case "proto": proto = pairValue; break;
                        case "host": host = pairValue; break;
                    }
                    SkipSpaces(value, ref i);
                    if (i < value.Length && value[i] == ';') { i++; continue; }
                    break;
                }
                SkipSpaces(value, ref i);
                if (i < value.Length && value[i] != ',') return null;
                i++; // past the comma (or the end)
                if (forValue is not null || proto is not null || host is not null) elements.Add(new ForwardedElement(forValue, proto, host));
            }
        }
        return elements;
    }

    private static string? ReadValue(string s, ref int i)
    {
        if (i < s.Length && s[i] == '"')
        {
            var sb = new System.Text.StringBuilder();
            i++;
            while (i < s.Length && s[i] != '"')
            {
                if (s[i] == '\\' && i + 1 < s.Length) i++;
                sb.Append(s[i++]);
            }
            if (i >= s.Length) return null; // unterminated
            i++;
            return sb.ToString();
        }
        var start = i;
        while (i < s.Length && s[i] is not (';' or ',' or ' ' or '\t' or '"')) i++;
        return i > start ? s[start..i] : null;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
    }
}
