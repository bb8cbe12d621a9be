using System.Globalization;
using System.Text;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// dcmdump prints the items of a DICOMDIR's Directory Record Sequence (0004,1220) as directory
/// records: the item line names the record type, a comment line gives the record's file offset (what
/// the offset pointers hold) and its Referenced File ID, and the delimiter text is quoted.
/// </summary>
internal static class DumpDirectoryRecords
{
    /// <summary>
    /// The record types dcmdump 3.6.7 names (PS3.3 F.5 defined terms, retired ones included, as observed
    /// in its output); any other value, e.g. the newer "INVENTORY", it prints as PRIVATE.
    /// </summary>
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "PATIENT", "STUDY", "SERIES", "IMAGE", "RT DOSE", "RT STRUCTURE SET", "RT PLAN", "RT TREAT RECORD",
        "PRESENTATION", "WAVEFORM", "SR DOCUMENT", "KEY OBJECT DOC", "SPECTROSCOPY", "RAW DATA", "REGISTRATION",
        "FIDUCIAL", "HANGING PROTOCOL", "ENCAP DOC", "HL7 STRUC DOC", "VALUE MAP", "STEREOMETRIC", "PALETTE",
        "IMPLANT", "IMPLANT ASSY", "IMPLANT GROUP", "PLAN", "MEASUREMENT", "SURFACE", "SURFACE SCAN", "TRACT",
        "ASSESSMENT", "RADIOTHERAPY", "ANNOTATION", "PRIVATE", "MRDR", "TOPIC", "VISIT", "RESULTS",
        "INTERPRETATION", "STUDY COMPONENT", "STORED PRINT", "OVERLAY", "MODALITY LUT", "VOI LUT", "CURVE",
        "FILM SESSION", "FILM BOX", "IMAGE BOX",
    };

    public static bool IsRecordSequence(DicomSequence sequence) => sequence.Tag == DicomTags.DirectoryRecordSequence;

    public static string ItemText(DicomDataset record)
    {
        string type = record.GetString(DicomTags.DirectoryRecordType) ?? "";
        return $"\"Directory Record\" {(KnownTypes.Contains(type) ? type : "PRIVATE")} #={record.Count}";
    }

    public static void WriteOffsetLine(TextWriter writer, DicomDataset record, int level)
    {
        var line = new StringBuilder();
        line.Append(' ', 2 * level).Append("#  offset=$").Append((record.StreamOffset ?? 0).ToString(CultureInfo.InvariantCulture));
        if (record.GetText(DicomTags.ReferencedFileID) is { Length: > 0 } fileId)
            line.Append("  refFileID=\"").Append(fileId).Append('"');
        writer.Write(line.Append('\n').ToString());
    }

    public static string DelimiterText(DicomDataset record) =>
        record.ExplicitLength is null ? "\"ItemDelimitationItem\"" : "\"ItemDelimitationItem for re-encoding\"";
}
