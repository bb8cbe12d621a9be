using PacsEdge.Dicom;

namespace PacsEdge.Index.Model;

/// <summary>
/// One matching entity: the stored values of its level and of every level above it, keyed by tag, in DICOM
/// string form (multi-values joined by '\'; numbers as decimal text). Absent attributes are absent keys.
/// The counters (NumberOfStudyRelatedSeries/Instances, NumberOfSeriesRelatedInstances) and ModalitiesInStudy
/// are included at their levels. The DICOMweb plugin builds DICOM JSON/XML from this (VR from the dictionary).
/// </summary>
public sealed record IndexRow(IReadOnlyDictionary<DicomTag, string> Values)
{
    public string? this[DicomTag tag] => Values.TryGetValue(tag, out var v) ? v : null;
}

/// <summary>
/// Rows in a stable order (insertion order of the level), and the matching keys that were NOT applied because
/// the index does not hold them: the caller answers per PS3.18 8.3.4.2 (a Warning header or 400); the index never
/// drops a key silently.
/// </summary>
public sealed record IndexQueryResult(IReadOnlyList<IndexRow> Rows, IReadOnlyList<DicomTag> UnsupportedMatchKeys);
