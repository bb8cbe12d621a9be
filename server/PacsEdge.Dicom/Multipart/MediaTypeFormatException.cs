namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// A Content-Type or Accept header value that does not follow RFC 9110's media-type grammar (section
/// 8.3.1, 12.5.1). The server turns it into a 400 (Accept) or 415 (Content-Type).
/// </summary>
public sealed class MediaTypeFormatException : Exception
{
    public MediaTypeFormatException(string reason, string value, int position)
        : base($"{reason} at character {position} of the media type '{value}'")
    {
        Reason = reason;
        Value = value;
        Position = position;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The whole header value that was parsed.</summary>
    public string Value { get; }

    /// <summary>Zero-based index in <see cref="Value"/> where the problem was found.</summary>
    public int Position { get; }
}
