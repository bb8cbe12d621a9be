using System.Globalization;
using System.Text;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// The RFC 9110 media-type grammar (section 8.3.1) and Accept list (12.5.1):
/// <c>type "/" subtype *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )</c>.
/// Tolerated beyond the RFC, because real clients send them: unquoted values with '/' and other
/// non-token characters (OHIF's type=application/octet-stream), whitespace around "=", empty parameters
/// (";;"), a bare "*" for "*/*" and q values like ".5" in Accept (Java's HttpURLConnection default).
/// Not tolerated: a parameter without "=", an unterminated quoted-string, a duplicate parameter name
/// (two boundaries would make two parsers disagree), a q outside 0..1.
/// </summary>
internal sealed class MediaTypeParser
{
    private readonly string _s;
    private int _i;

    private MediaTypeParser(string s) => _s = s;

    public static MediaType ParseSingle(string value)
    {
        var p = new MediaTypeParser(value ?? throw new ArgumentNullException(nameof(value)));
        p.SkipWhitespace();
        var result = p.ParseOne(accept: false);
        p.SkipWhitespace();
        if (p._i < p._s.Length) throw p.Error($"unexpected '{p._s[p._i]}' after the media type");
        return result;
    }

    public static IReadOnlyList<MediaType> ParseAccept(string value)
    {
        var p = new MediaTypeParser(value ?? throw new ArgumentNullException(nameof(value)));
        var list = new List<MediaType>();
        while (true)
        {
            p.SkipWhitespace();
            if (p._i == p._s.Length) break;
            if (p._s[p._i] == ',') { p._i++; continue; } // empty list element (RFC 9110 5.6.1)
            list.Add(p.ParseOne(accept: true));
            p.SkipWhitespace();
            if (p._i == p._s.Length) break;
            if (p._s[p._i] != ',') throw p.Error($"expected ',' between media types, found '{p._s[p._i]}'");
        }
        // A stable sort: OrderByDescending keeps the sent order among equal weights.
        return list.OrderByDescending(m => m.Quality).ToArray();
    }

    private MediaType ParseOne(bool accept)
    {
        string type = ReadToken("a media type");
        string subtype;
        if (Peek() == '/')
        {
            _i++;
            subtype = ReadToken("a subtype after '/'");
        }
        else if (accept && type == "*") subtype = "*";
        else throw Error($"expected '/' after '{type}'");
        if (type == "*" && subtype != "*") throw Error("'*/subtype' is not a media range", _i - subtype.Length);

        var parameters = new List<KeyValuePair<string, string>>();
        double quality = 1.0;
        bool afterWeight = false; // parameters after q are accept-ext (RFC 9110 12.5.1): ignored
        while (true)
        {
            SkipWhitespace();
            if (Peek() != ';') break;
            _i++;
            SkipWhitespace();
            if (Peek() is ';' or ',' or null) continue; // empty parameter
            int nameAt = _i;
            string name = ReadToken("a parameter name").ToLowerInvariant();
            SkipWhitespace();
            if (Peek() != '=') throw Error($"parameter '{name}' has no '=value'");
            _i++;
            SkipWhitespace();
            string value = Peek() == '"' ? ReadQuotedString() : ReadUnquotedValue(name);
            if (accept && name == "q" && !afterWeight)
            {
                quality = ParseQuality(value, nameAt);
                afterWeight = true;
                continue;
            }
            if (afterWeight) continue;
            if (parameters.Any(p => p.Key == name)) throw Error($"parameter '{name}' appears twice", nameAt);
            parameters.Add(KeyValuePair.Create(name, value));
        }
        return new MediaType(type, subtype, parameters, quality);
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); ".5" is tolerated.</summary>
    private double ParseQuality(string value, int at)
    {
        bool shapeOk = value.Length is > 0 and <= 5
            && value.All(c => c is '.' or (>= '0' and <= '9'))
            && value.Count(c => c == '.') <= 1
            && (value.IndexOf('.') is var dot && (dot < 0 ? value.Length == 1 : dot <= 1 && value.Length - dot - 1 <= 3));
        if (!shapeOk || !double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) || q > 1)
            throw Error($"q={value} is not a weight between 0 and 1 with at most 3 decimals", at);
        return q;
    }

    private string ReadToken(string what)
    {
        int start = _i;
        while (_i < _s.Length && HttpGrammar.IsTokenChar(_s[_i])) _i++;
        if (_i == start)
            throw Error(_i < _s.Length ? $"expected {what}, found '{_s[_i]}'" : $"expected {what}, found the end");
        return _s[start.._i];
    }

    /// <summary>
    /// A token, widened to every visible character but '"', ';', ',' and '\\': OHIF sends
    /// type=application/octet-stream unquoted although '/' is not a tchar.
    /// </summary>
    private string ReadUnquotedValue(string name)
    {
        int start = _i;
        while (_i < _s.Length && _s[_i] is > ' ' and < '\x7F' and not ('"' or ';' or ',' or '\\')) _i++;
        if (_i == start)
            throw Error(_i < _s.Length ? $"expected a value for parameter '{name}', found '{_s[_i]}'" : $"expected a value for parameter '{name}', found the end");
        return _s[start.._i];
    }

    private string ReadQuotedString()
    {
        int open = _i++;
        var sb = new StringBuilder();
        while (_i < _s.Length)
        {
            char c = _s[_i++];
            if (c == '"') return sb.ToString();
            if (c == '\\')
            {
                if (_i == _s.Length) break;
                char escaped = _s[_i++];
                if (!HttpGrammar.IsQuotedPairChar(escaped)) throw Error("a control character after '\\' in a quoted string", _i - 1);
                sb.Append(escaped);
            }
            else if (HttpGrammar.IsQdText(c)) sb.Append(c);
            else throw Error("a control character in a quoted string", _i - 1);
        }
        throw Error("a quoted string that is never closed", open);
    }

    private char? Peek() => _i < _s.Length ? _s[_i] : null;

    private void SkipWhitespace()
    {
        while (_i < _s.Length && HttpGrammar.IsWhitespace(_s[_i])) _i++;
    }

    private MediaTypeFormatException Error(string reason, int? at = null) => new(reason, _s, at ?? _i);
}
