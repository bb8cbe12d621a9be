using System.Buffers;
using System.Text;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// Streaming writer of a multipart/related body (RFC 2046 5.1, RFC 2387), for WADO-RS responses
/// (PS3.18 8.7.3) and STOW-RS requests (PS3.18 10.5). Parts are copied from streams as they come,
/// so nothing is buffered whole. Layout: no preamble, "--boundary" CRLF, headers, CRLF, body, then
/// CRLF "--boundary" before each next part and CRLF "--boundary--" CRLF at the end.
/// </summary>
public sealed class MultipartWriter
{
    private const int CopyBufferSize = 81920;
    private readonly Stream _output;
    private bool _completed;

    /// <param name="output">Where the body goes; the writer never closes it.</param>
    /// <param name="relatedType">The type parameter: the media type of the parts, e.g. application/dicom.</param>
    /// <param name="boundary">A boundary of RFC 2046 bchars, or null for a fresh random one (<see cref="MultipartBoundary.Generate"/>).</param>
    /// <param name="extraParameters">More parameters for <see cref="ContentType"/>, e.g. transfer-syntax (PS3.18 8.7.3.5.2).</param>
    public MultipartWriter(Stream output, string relatedType = DicomWebMediaTypes.ApplicationDicom, string? boundary = null,
        IEnumerable<KeyValuePair<string, string>>? extraParameters = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        boundary ??= MultipartBoundary.Generate();
        if (!MultipartBoundary.IsStrictlyValid(boundary))
            throw new ArgumentException($"'{boundary}' is not an RFC 2046 boundary (1-70 bchars, no trailing space)", nameof(boundary));
        _output = output;
        Boundary = boundary;
        ContentType = new MediaType("multipart", "related",
            [KeyValuePair.Create("type", relatedType), .. extraParameters ?? [], KeyValuePair.Create("boundary", boundary)]);
    }

    public string Boundary { get; }

    /// <summary><c>multipart/related; type="..."; boundary=...</c>, for the Content-Type header.</summary>
    public MediaType ContentType { get; }

    /// <summary><see cref="ContentType"/> as the header value.</summary>
    public string ContentTypeHeaderValue => ContentType.ToString();

    /// <summary>Parts written so far.</summary>
    public int PartCount { get; private set; }

    /// <summary>Writes one part whose body is copied from <paramref name="body"/> to its end.</summary>
    public Task WritePartAsync(MultipartHeaders headers, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return WritePartAsync(headers, async (output, ct) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                int n;
                while ((n = await body.ReadAsync(buffer.AsMemory(0, CopyBufferSize), ct).ConfigureAwait(false)) > 0)
                    await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }, cancellationToken);
    }

    /// <summary>Writes one part whose body is <paramref name="body"/>.</summary>
    public Task WritePartAsync(MultipartHeaders headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        WritePartAsync(headers, (output, ct) => output.WriteAsync(body, ct).AsTask(), cancellationToken);

    /// <summary>
    /// Writes one part whose body <paramref name="writeBody"/> writes straight into the output (e.g. a
    /// transcoder); it must not close the stream it is given.
    /// </summary>
    public async Task WritePartAsync(MultipartHeaders headers, Func<Stream, CancellationToken, Task> writeBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(writeBody);
        if (_completed) throw new InvalidOperationException("the multipart body is already complete");
        await _output.WriteAsync(PartHead(headers, first: PartCount == 0), cancellationToken).ConfigureAwait(false);
        PartCount++;
        await writeBody(_output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the close delimiter. Without a part, the body is a bare close delimiter (RFC 2046 wants one part; DICOMweb servers answer 204 or 404 instead).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return;
        _completed = true;
        var tail = Encoding.ASCII.GetBytes((PartCount > 0 ? "\r\n--" : "--") + Boundary + "--\r\n");
        await _output.WriteAsync(tail, cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The delimiter (CRLF before all but the first) and the part's header block.</summary>
    private byte[] PartHead(MultipartHeaders headers, bool first)
    {
        var sb = new StringBuilder();
        if (!first) sb.Append("\r\n");
        sb.Append("--").Append(Boundary).Append("\r\n");
        foreach (var (name, value) in headers) sb.Append(name).Append(": ").Append(value).Append("\r\n");
        sb.Append("\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
