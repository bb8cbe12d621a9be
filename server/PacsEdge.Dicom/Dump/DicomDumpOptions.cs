namespace PacsEdge.Dicom.Dump;

/// <summary>
/// How <see cref="DicomTextDumper"/> prints, named after the dcmdump options they mirror.
/// The defaults are dcmdump's defaults.
/// </summary>
public sealed record DicomDumpOptions
{
    public static readonly DicomDumpOptions Default = new();

    /// <summary>dcmdump +L: print long values completely instead of cutting them at about 70 characters.</summary>
    public bool PrintAllValues { get; init; }

    /// <summary>
    /// dcmdump +Un (its default): print a well-known UID as "=Keyword". Keywords are PS3.6 Annex A's
    /// (pydicom's UID table), so they can differ from dcmtk's own names (e.g. "=ExplicitVRLittleEndian"
    /// where dcmdump says "=LittleEndianExplicit"). Off is dcmdump -Un: UIDs in brackets.
    /// </summary>
    public bool MapUidNames { get; init; } = true;

    /// <summary>
    /// Decode text through the Specific Character Set for display. Off (dcmdump's default) prints each
    /// byte of a value as the character with that code (U+0000-U+00FF), i.e. the raw bytes read as
    /// ISO 8859-1: written back with Latin-1 this is byte for byte what dcmdump prints. Unlike dcmdump +U8,
    /// which converts the data set to UTF-8 first (new lengths, (0008,0005) rewritten), lengths and the
    /// Specific Character Set stay as stored.
    /// </summary>
    public bool DecodeCharacterSet { get; init; }
}
