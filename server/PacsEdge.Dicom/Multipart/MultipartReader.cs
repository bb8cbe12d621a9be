using System.Text;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// Streaming reader of a multipart body (RFC 2046 5.1, as multipart/related in RFC 2387 and DICOMweb
/// STOW-RS, PS3.18 10.5). Memory is one fixed buffer whatever the part sizes: a part's body is handed
/// out as a <see cref="Stream"/> that ends at the boundary, found across buffer refills.
/// <para>
/// Line endings: RFC 2046 allows only CRLF; a bare LF is accepted too (before a boundary, after it and
/// in part headers), as Python's email package and most servers do, because some clients write LF.
/// A body that is not valid multipart raises <see cref="MultipartFormatException"/> and nothing else;
/// after one, every further call raises it again.
/// </para>
/// </summary>
public sealed partial class MultipartReader
{
    private enum State { Preamble, DelimiterTail, Headers, Body, Done, Faulted }

    private readonly MultipartBuffer _buffer;
    private readonly MultipartReaderOptions _options;
    private readonly byte[] _dashBoundary;   // "--" boundary
    private readonly byte[] _delimiter;      // LF "--" boundary (the CR before it is optional)
    private State _state = State.Preamble;
    private MultipartFormatException? _fault;
    private int _partCount;

    public MultipartReader(Stream body, string boundary, MultipartReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        MultipartBoundary.ValidateForReading(boundary);
        _options = options ?? MultipartReaderOptions.Default;
        Boundary = boundary;
        _dashBoundary = Encoding.ASCII.GetBytes("--" + boundary);
        _delimiter = Encoding.ASCII.GetBytes("\n--" + boundary);
        int size = Math.Max(_options.BufferSize, Math.Max(_options.MaxHeaderLineLength, _options.MaxTransportPadding) + 256);
        _buffer = new MultipartBuffer(body, size);
    }

    /// <summary>
    /// A reader for a request whose Content-Type is <paramref name="contentType"/>. Throws
    /// <see cref="MediaTypeFormatException"/> when the value does not parse or is not multipart/* with a
    /// boundary, and <see cref="MultipartFormatException"/> when the boundary breaks RFC 2046's rules.
    /// </summary>
    public static MultipartReader ForContentType(Stream body, string contentType, MultipartReaderOptions? options = null)
    {
        var mediaType = MediaType.Parse(contentType);
        if (mediaType.Type != "multipart")
            throw new MediaTypeFormatException($"'{mediaType.Essence}' is not a multipart media type", contentType, 0);
        var boundary = mediaType.Boundary
            ?? throw new MediaTypeFormatException("the multipart media type has no boundary parameter", contentType, contentType.Length);
        return new MultipartReader(body, boundary, options);
    }

    public string Boundary { get; }

    /// <summary>Parts returned so far.</summary>
    public int PartCount => _partCount;

    private MultipartPart? _current;

    /// <summary>
    /// The next part, or null after the close delimiter. Whatever the caller did not read of the previous
    /// part's body is skipped (read and discarded), and that body stream is then finished.
    /// </summary>
    public MultipartPart? ReadNextPart()
    {
        MultipartPart? part;
        while (!Step(out part)) Fill();
        return part;
    }

    /// <inheritdoc cref="ReadNextPart"/>
    public ValueTask<MultipartPart?> ReadNextPartAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Step(out var part)) return new(part);
            var fill = FillAsync(cancellationToken);
            if (!fill.IsCompletedSuccessfully) return ReadNextPartSlowAsync(fill, cancellationToken);
            fill.GetAwaiter().GetResult();
        }
    }

    private async ValueTask<MultipartPart?> ReadNextPartSlowAsync(ValueTask pendingFill, CancellationToken cancellationToken)
    {
        await pendingFill.ConfigureAwait(false);
        MultipartPart? part;
        while (!Step(out part)) await FillAsync(cancellationToken).ConfigureAwait(false);
        return part;
    }

    private bool Step(out MultipartPart? part)
    {
        ThrowIfFaulted();
        try { return TryAdvance(out part); }
        catch (MultipartFormatException e) { throw Fault(e); }
    }

    internal void Fill()
    {
        ThrowIfFaulted();
        try { _buffer.Fill(); }
        catch (MultipartFormatException e) { throw Fault(e); }
    }

    internal ValueTask FillAsync(CancellationToken cancellationToken)
    {
        ThrowIfFaulted();
        // Only the synchronous part of a fill can find the body malformed (its end, too early).
        try { return _buffer.FillAsync(cancellationToken); }
        catch (MultipartFormatException e) { throw Fault(e); }
    }

    private void ThrowIfFaulted()
    {
        if (_state == State.Faulted) throw new MultipartFormatException(_fault!.Reason, _fault.Offset, _fault);
    }

    /// <summary>After the first error the reader stays faulted: the body's framing is lost.</summary>
    private MultipartFormatException Fault(MultipartFormatException e)
    {
        _state = State.Faulted;
        _fault = e;
        return e;
    }

    private bool TryAdvance(out MultipartPart? part)
    {
        part = null;
        while (true)
        {
            switch (_state)
            {
                case State.Preamble:
                    if (!TrySkipPreamble()) return false;
                    break;
                case State.Body:
                    int n = TryBodyChunk(int.MaxValue);
                    if (n < 0) return false;
                    if (n > 0) TakeBody(n);
                    break;
                case State.DelimiterTail:
                    if (!TryDelimiterTail()) return false;
                    break;
                case State.Headers:
                    if (!TryReadHeaders()) return false;
                    part = _current;
                    return true;
                case State.Done:
                    _current = null;
                    return true;
                default:
                    throw new InvalidOperationException($"unexpected reader state {_state}");
            }
        }
    }

    /// <summary>Reads body bytes of <paramref name="part"/> into <paramref name="destination"/>: the count, 0 at its end, -1 when more input is needed.</summary>
    internal int TryReadBody(MultipartPart part, Span<byte> destination)
    {
        ThrowIfFaulted();
        if (!ReferenceEquals(part, _current))
            throw new InvalidOperationException("this part's body can no longer be read: the reader has moved to the next part");
        if (_state != State.Body || destination.IsEmpty) return 0;
        try
        {
            int n = TryBodyChunk(destination.Length);
            if (n <= 0) return n;
            _buffer.Data.AsSpan(_buffer.Start, n).CopyTo(destination);
            TakeBody(n);
            return n;
        }
        catch (MultipartFormatException e) { throw Fault(e); }
    }

    private MultipartFormatException Error(string reason, long? offset = null) => new(reason, offset ?? _buffer.Position);
}
