namespace PacsEdge.Dicom.Json;

/// <summary>What to do with FL/FD values that JSON numbers cannot hold (NaN, +/-Infinity).</summary>
public enum NonFiniteNumberHandling
{
    /// <summary>Throw <see cref="DicomFormatException"/>, as dcm2json does by default (--encode-strict).</summary>
    Error,

    /// <summary>Write the JSON strings "NaN", "Infinity", "-Infinity" (the reader accepts them back).</summary>
    String,
}

/// <summary>
/// Where a bulk value sits and how big it is, for <see cref="DicomJsonWriterOptions.BulkDataUri"/>
/// to decide whether (and where) it is served as a BulkDataURI instead of InlineBinary.
/// </summary>
public readonly record struct DicomJsonBulkData(DicomTagPath Path, DicomVR VR, long Length, bool IsEncapsulated)
{
    public DicomTag Tag => Path.Tag;
}

/// <summary>
/// Options of <see cref="DicomJsonWriter"/>. The defaults give what dcmtk's dcm2json gives: no file
/// meta group, no group lengths, every bulk value inline, an error for NaN/Infinity.
/// </summary>
public sealed record DicomJsonWriterOptions
{
    public static readonly DicomJsonWriterOptions Default = new();

    /// <summary>Indented output (dcm2json's default +fc); false gives compact JSON.</summary>
    public bool Indented { get; init; }

    /// <summary>
    /// Called for every bulk value (OB, OD, OF, OL, OV, OW, UN, encapsulated Pixel Data) at least
    /// <see cref="BulkDataThreshold"/> bytes long; a non-null answer is written as "BulkDataURI",
    /// null keeps the value inline. <see cref="DicomTagPath.ToUriPath"/> builds the usual
    /// ".../bulkdata/{path}" tail.
    /// </summary>
    public Func<DicomJsonBulkData, string?>? BulkDataUri { get; init; }

    /// <summary>Values shorter than this stay InlineBinary even when <see cref="BulkDataUri"/> is set.</summary>
    public long BulkDataThreshold { get; init; }

    /// <summary>
    /// Group length elements (gggg,0000) are left out by default: dcm2json omits them and PS3.18
    /// F.2 says they "should not" be included.
    /// </summary>
    public bool IncludeGroupLengths { get; init; }

    /// <summary>
    /// When writing a <see cref="DicomFile"/>: also write the file meta group (0002,xxxx), as
    /// dcm2json +m does. Off by default: PS3.18 JSON describes the data set only.
    /// </summary>
    public bool IncludeFileMetaInformation { get; init; }

    public NonFiniteNumberHandling NonFiniteNumbers { get; init; } = NonFiniteNumberHandling.Error;

    /// <summary>
    /// JSON text is Unicode, so the top-level (0008,0005) is written as "ISO_IR 192" (also when
    /// present but empty) unless it already says "ISO_IR 192" or "ISO_IR 6" (ASCII, which UTF-8
    /// contains): what dcm2json's conversion to UTF-8 leaves in the data set. A sequence item's own
    /// (0008,0005) is kept, as dcm2json keeps it: it still tells a reader how to encode that item's
    /// text back to bytes. False writes the element as it is everywhere.
    /// </summary>
    public bool RewriteSpecificCharacterSet { get; init; } = true;
}
