using PacsEdge.Dicom;

namespace PacsEdge.Index.Model;

/// <summary>One matching key of a QIDO-RS query: the attribute and its (already percent-decoded) value; "" is universal matching.</summary>
public sealed record AttributeMatch(DicomTag Tag, string Value);

/// <summary>
/// A QIDO-RS query at <see cref="Level"/>, optionally scoped by the parent UIDs of the nested resources
/// (/studies/{study}/series, /studies/{study}/series/{series}/instances). Matching keys may name attributes
/// of the level or of any level above it (PS3.18 10.6.1.3: e.g. PatientID on /series).
/// </summary>
public sealed record IndexQuery(QueryLevel Level)
{
    public string? StudyInstanceUid { get; init; }
    public string? SeriesInstanceUid { get; init; }
    public IReadOnlyList<AttributeMatch> Matches { get; init; } = [];
    /// <summary>PS3.18 fuzzymatching=true: person names match case- and accent-insensitively at the start of any name component.</summary>
    public bool FuzzyMatching { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}
