namespace PacsEdge.Dicom.Multipart;

/// <summary>Character classes of RFC 9110 section 5.6 (token, quoted-string) and RFC 2046 section 5.1.1 (bchars).</summary>
internal static class HttpGrammar
{
    /// <summary>tchar = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.</summary>
    public static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
          or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    public static bool IsToken(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s) if (!IsTokenChar(c)) return false;
        return true;
    }

    /// <summary>qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text.</summary>
    public static bool IsQdText(char c) => c is '\t' or ' ' or '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E') || c >= '\x80';

    /// <summary>What may follow a backslash in a quoted-pair: HTAB / SP / VCHAR / obs-text.</summary>
    public static bool IsQuotedPairChar(char c) => c is '\t' or (>= ' ' and <= '~') || c >= '\x80';

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>bcharsnospace (RFC 2046 5.1.1): DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?".</summary>
    public static bool IsBoundaryCharNoSpace(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
          or '\'' or '(' or ')' or '+' or '_' or ',' or '-' or '.' or '/' or ':' or '=' or '?';

    /// <summary>A parameter value as RFC 9110 writes it: the token itself, or a quoted-string with '"' and '\' escaped.</summary>
    public static string QuoteIfNeeded(string value)
    {
        if (IsToken(value)) return value;
        var sb = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
