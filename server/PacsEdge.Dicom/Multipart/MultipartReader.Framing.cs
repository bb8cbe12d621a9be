namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// Finding boundaries (RFC 2046 5.1.1): delimiter = CRLF "--" boundary, then "--" for the close
/// delimiter or transport-padding and CRLF. Each step works on buffered bytes only and returns false
/// (or -1) when it needs more input; the caller refills and calls again.
/// </summary>
public sealed partial class MultipartReader
{
    private long _matchOffset = -1;   // body offset of the LF of a delimiter found ahead, or -1
    private long _scannedOffset;      // no delimiter starts before this body offset (in the current part)
    private long _partLength;         // body bytes of the current part handed out or skipped

    /// <summary>Discards the preamble up to and including the first "--boundary".</summary>
    private bool TrySkipPreamble()
    {
        var b = _buffer;
        // The first delimiter may open the body without the line break before it.
        if (b.Position == 0)
        {
            if (b.Count < _dashBoundary.Length && !b.Eof) return false;
            if (b.Available.StartsWith(_dashBoundary))
            {
                b.Start += _dashBoundary.Length;
                _state = State.DelimiterTail;
                return true;
            }
        }
        int i = b.Available.IndexOf(_delimiter);
        if (i >= 0 && b.Position + i <= _options.MaxPreambleLength)
        {
            b.Start += i + _delimiter.Length;
            _state = State.DelimiterTail;
            return true;
        }
        // Keep what could be the start of a delimiter cut by the end of the buffer.
        int keep = _delimiter.Length - 1;
        if (b.Count > keep) b.Start = b.End - keep;
        if (b.Position > _options.MaxPreambleLength || i >= 0)
            throw Error($"no boundary delimiter '--{Boundary}' within the first {_options.MaxPreambleLength} bytes", 0);
        if (b.Eof) throw Error($"the body holds no boundary delimiter '--{Boundary}'", 0);
        return false;
    }

    /// <summary>After "--boundary": "--" ends the body; otherwise padding and a line break start a part.</summary>
    private bool TryDelimiterTail()
    {
        var b = _buffer;
        var data = b.Data;
        if (b.Count == 0)
        {
            if (b.Eof) throw Error($"the body ends right after a boundary; the close delimiter '--{Boundary}--' is missing");
            return false;
        }
        if (data[b.Start] == '-')
        {
            if (b.Count < 2)
            {
                if (b.Eof) throw Error($"the body ends inside the close delimiter '--{Boundary}--'");
                return false;
            }
            if (data[b.Start + 1] != '-') throw Error("a boundary is followed by '-' and another character instead of a line break or '--'");
            b.Start += 2;
            _state = State.Done; // whatever follows is the epilogue, which RFC 2046 says to ignore
            return true;
        }
        int j = b.Start;
        while (j < b.End && data[j] is (byte)' ' or (byte)'\t') j++;
        if (j - b.Start > _options.MaxTransportPadding)
            throw Error($"more than {_options.MaxTransportPadding} bytes of padding after a boundary");
        if (j == b.End || (data[j] == '\r' && j + 1 == b.End))
        {
            if (b.Eof) throw Error($"the body ends after a boundary without a line break; the close delimiter '--{Boundary}--' is missing");
            return false;
        }
        int lineEnd = data[j] == '\n' ? 1 : data[j] == '\r' && data[j + 1] == '\n' ? 2 : 0;
        if (lineEnd == 0)
            throw Error($"a boundary is followed by byte 0x{data[j]:X2} instead of a line break (a part must not contain the delimiter)", b.BaseOffset + j);
        b.Start = j + lineEnd;
        if (_partCount >= _options.MaxPartCount) throw Error($"more than {_options.MaxPartCount} parts");
        _state = State.Headers;
        _headers = new MultipartHeaders();
        _headersLength = 0;
        return true;
    }

    /// <summary>
    /// How many bytes at the buffer start belong to the current part: up to <paramref name="max"/>,
    /// 0 when the part has ended (the delimiter is then consumed), -1 when more input is needed. The
    /// last delimiter-length bytes stay unreturned until it is known that no delimiter starts there.
    /// </summary>
    private int TryBodyChunk(int max)
    {
        var b = _buffer;
        if (_matchOffset < 0)
        {
            int from = (int)Math.Max(b.Start, _scannedOffset - b.BaseOffset);
            int i = b.Data.AsSpan(from, b.End - from).IndexOf(_delimiter);
            if (i >= 0) _matchOffset = b.BaseOffset + from + i;
            else _scannedOffset = b.BaseOffset + Math.Max(from, b.End - _delimiter.Length + 1);
        }
        if (_matchOffset >= 0)
        {
            int m = (int)(_matchOffset - b.BaseOffset);
            // The CR of CRLF belongs to the delimiter; a bare LF is tolerated.
            int bodyEnd = m > b.Start && b.Data[m - 1] == '\r' ? m - 1 : m;
            if (bodyEnd > b.Start) return Math.Min(max, bodyEnd - b.Start);
            b.Start = m + _delimiter.Length;
            _matchOffset = -1;
            EndPart();
            return 0;
        }
        int safeEnd = b.End - _delimiter.Length;
        if (safeEnd > b.Start) return Math.Min(max, safeEnd - b.Start);
        if (b.Eof) throw Error($"the body ends inside part {_partCount - 1} without a boundary delimiter after it");
        return -1;
    }

    private void TakeBody(int n)
    {
        _buffer.Start += n;
        _partLength += n;
        // Offsets name the first byte past the limit, whatever the read sizes were.
        if (_partLength > _options.MaxPartBodyLength)
            throw Error($"part {_partCount - 1} is longer than the limit of {_options.MaxPartBodyLength} bytes", _buffer.Position - (_partLength - _options.MaxPartBodyLength));
        if (_current!.DeclaredLength is { } declared && _options.RejectContentLengthMismatch && _partLength > declared)
            throw Error($"part {_partCount - 1} is longer than its Content-Length of {declared}", _buffer.Position - (_partLength - declared));
    }

    private void StartBody()
    {
        _matchOffset = -1;
        _scannedOffset = _buffer.Position;
        _partLength = 0;
        _state = State.Body;
    }

    private void EndPart()
    {
        if (_current!.DeclaredLength is { } declared && _options.RejectContentLengthMismatch && _partLength != declared)
            throw Error($"part {_partCount - 1} has {_partLength} bytes but its Content-Length says {declared}");
        _state = State.DelimiterTail;
    }
}
