using System.Text;
using System.Text.Unicode;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// Part headers (RFC 2046 5.1.1 body-part, RFC 5322 header fields): "Name: value" lines up to an
/// empty line, with obsolete line folding undone. Bounded by line length, field count and total size.
/// </summary>
public sealed partial class MultipartReader
{
    private MultipartHeaders _headers = new();
    private int _headersLength;

    private bool TryReadHeaders()
    {
        var b = _buffer;
        int maxLine = _options.MaxHeaderLineLength;
        while (true)
        {
            var window = b.Available[..Math.Min(b.Count, maxLine + 2)];
            int nl = window.IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (window.Length >= maxLine + 2) throw Error($"a header line in part {_partCount} is longer than {maxLine} bytes");
                if (b.Eof) throw Error($"the body ends inside the headers of part {_partCount}");
                return false;
            }
            var line = window[..nl];
            if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
            if (line.Length > maxLine) throw Error($"a header line in part {_partCount} is longer than {maxLine} bytes");
            _headersLength += nl + 1;
            if (_headersLength > _options.MaxHeadersLength)
                throw Error($"the headers of part {_partCount} are longer than {_options.MaxHeadersLength} bytes");
            long lineOffset = b.Position;
            if (line.IsEmpty)
            {
                b.Start += nl + 1;
                CreatePart();
                return true;
            }
            ParseHeaderLine(line, lineOffset);
            b.Start += nl + 1;
        }
    }

    private void ParseHeaderLine(ReadOnlySpan<byte> line, long offset)
    {
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            if (_headers.Count == 0) throw Error($"part {_partCount} starts with a folded header line", offset);
            _headers.AppendToLast(DecodeValue(line, offset));
            return;
        }
        int colon = line.IndexOf((byte)':');
        if (colon < 0) throw Error($"a header line of part {_partCount} has no ':'", offset);
        string name = Encoding.Latin1.GetString(line[..colon]);
        if (!HttpGrammar.IsToken(name)) throw Error($"'{Printable(name)}' is not a valid header name (part {_partCount})", offset);
        if (_headers.Count >= _options.MaxHeaderCount) throw Error($"part {_partCount} has more than {_options.MaxHeaderCount} headers", offset);
        _headers.AddParsed(name, DecodeValue(line[(colon + 1)..], offset));
    }

    /// <summary>A header value without surrounding whitespace; UTF-8 when valid, otherwise Latin-1 (RFC 9110 obs-text).</summary>
    private string DecodeValue(ReadOnlySpan<byte> value, long offset)
    {
        value = value.Trim(" \t"u8);
        foreach (var c in value)
            if (c < 0x20 && c != '\t' || c == 0x7F)
                throw Error($"a header value of part {_partCount} holds the control byte 0x{c:X2}", offset);
        return Utf8.IsValid(value) ? Encoding.UTF8.GetString(value) : Encoding.Latin1.GetString(value);
    }

    private void CreatePart()
    {
        foreach (var single in new[] { MultipartHeaders.ContentTypeName, MultipartHeaders.ContentLengthName })
            if (_headers.GetValues(single).Skip(1).Any())
                throw Error($"part {_partCount} has more than one {single} header");
        long? declared = null;
        if (_headers[MultipartHeaders.ContentLengthName] is { } lengthText)
        {
            if (lengthText.Length is 0 or > 18 || !lengthText.All(char.IsAsciiDigit))
                throw Error($"part {_partCount} has the invalid Content-Length '{Printable(lengthText)}'");
            declared = long.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
        }
        var body = new MultipartBodyStream(this);
        _current = new MultipartPart(_partCount, _headers, declared, body);
        body.Part = _current;
        _partCount++;
        StartBody();
    }

    private static string Printable(string s) =>
        new(s.Take(80).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
