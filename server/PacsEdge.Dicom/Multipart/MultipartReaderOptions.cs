namespace PacsEdge.Dicom.Multipart;

/// <summary>Limits of <see cref="MultipartReader"/>. Every one bounds memory or time for hostile input.</summary>
public sealed record MultipartReaderOptions
{
    public static MultipartReaderOptions Default { get; } = new();

    /// <summary>Size of the one read buffer (raised to fit a header line when needed). Memory per reader is about this.</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    /// <summary>Longest header line, without its line ending (a folded header counts per physical line).</summary>
    public int MaxHeaderLineLength { get; init; } = 8 * 1024;

    /// <summary>Most header fields in one part.</summary>
    public int MaxHeaderCount { get; init; } = 64;

    /// <summary>Most bytes of all header lines of one part together.</summary>
    public int MaxHeadersLength { get; init; } = 64 * 1024;

    /// <summary>Most bytes before the first boundary; beyond it the body is taken to have no boundary at all.</summary>
    public long MaxPreambleLength { get; init; } = 1024 * 1024;

    /// <summary>Most spaces and tabs allowed between a boundary and its line ending (RFC 2046 transport-padding).</summary>
    public int MaxTransportPadding { get; init; } = 1024;

    /// <summary>Most bytes of one part's body; longer parts fail with <see cref="MultipartFormatException"/>.</summary>
    public long MaxPartBodyLength { get; init; } = long.MaxValue;

    /// <summary>Most parts in one body.</summary>
    public int MaxPartCount { get; init; } = int.MaxValue;

    /// <summary>
    /// When a part declares a Content-Length, the boundary still decides where it ends (a declared length
    /// is never trusted to skip the search); a body that then differs from the declared length fails
    /// with <see cref="MultipartFormatException"/> when true (the default), since it means the part was
    /// cut or altered on the way.
    /// </summary>
    public bool RejectContentLengthMismatch { get; init; } = true;
}
