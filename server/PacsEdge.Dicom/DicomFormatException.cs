namespace PacsEdge.Dicom;

/// <summary>
/// The one exception the DICOM core throws for input that is not valid DICOM. It carries the tag
/// being read (if any) and the byte offset in the stream, so a caller can report "where".
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException(string reason, long offset, DicomTag? tag = null, Exception? inner = null)
        : base(Format(reason, offset, tag), inner)
    {
        Reason = reason;
        Offset = offset;
        Tag = tag;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>Byte offset in the (decompressed) stream where the problem was found; -1 if unknown.</summary>
    public long Offset { get; }

    /// <summary>The data element being read, when the problem is inside one.</summary>
    public DicomTag? Tag { get; }

    private static string Format(string reason, long offset, DicomTag? tag) =>
        (tag is { } t ? $"{t}: " : "") + reason + (offset >= 0 ? $" (at byte {offset})" : "");
}
