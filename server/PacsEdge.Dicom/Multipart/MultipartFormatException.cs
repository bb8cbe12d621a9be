namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// The one exception the multipart reader throws for a body that is not valid multipart (RFC 2046
/// section 5.1.1): no boundary, a truncated part, a header line that is too long... The server turns it
/// into a 400. <see cref="Offset"/> is the byte offset in the body where the problem was found.
/// </summary>
public sealed class MultipartFormatException : Exception
{
    public MultipartFormatException(string reason, long offset = -1, Exception? inner = null)
        : base(reason + (offset >= 0 ? $" (at byte {offset} of the multipart body)" : ""), inner)
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>Byte offset in the multipart body; -1 when the problem is not in the body (e.g. the boundary parameter).</summary>
    public long Offset { get; }
}
