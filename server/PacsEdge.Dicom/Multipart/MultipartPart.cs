namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// One body part as <see cref="MultipartReader"/> returns it: its headers and a <see cref="Body"/> stream
/// that ends at the next boundary. The body is valid until the next call to ReadNextPart(Async).
/// </summary>
public sealed class MultipartPart
{
    internal MultipartPart(int index, MultipartHeaders headers, long? declaredLength, Stream body)
    {
        Index = index;
        Headers = headers;
        DeclaredLength = declaredLength;
        Body = body;
    }

    /// <summary>Zero-based position of the part in the body.</summary>
    public int Index { get; }

    public MultipartHeaders Headers { get; }

    /// <summary>The raw Content-Type header, or null (RFC 2046 then means text/plain; DICOMweb means the multipart's type parameter).</summary>
    public string? ContentType => Headers[MultipartHeaders.ContentTypeName];

    /// <summary>Content-Location (PS3.18 uses it for bulk data URIs in STOW requests).</summary>
    public string? ContentLocation => Headers[MultipartHeaders.ContentLocationName];

    /// <summary>Content-ID (RFC 2387 start parts and cid: references).</summary>
    public string? ContentId => Headers[MultipartHeaders.ContentIdName];

    /// <summary>The part's Content-Length header, if sent. The boundary decides where the part ends; see <see cref="MultipartReaderOptions.RejectContentLengthMismatch"/>.</summary>
    public long? DeclaredLength { get; }

    /// <summary>The part's bytes, read-only and forward-only; it ends where the delimiter begins.</summary>
    public Stream Body { get; }

    /// <summary>The Content-Type parsed; null when absent; throws <see cref="MediaTypeFormatException"/> when malformed.</summary>
    public MediaType? ParseContentType() => ContentType is { } value ? MediaType.Parse(value) : null;
}
