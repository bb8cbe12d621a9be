using PacsEdge.Dicom;
using PacsEdge.Index.Model;

namespace PacsEdge.Index;

/// <summary>A tag indexed beyond the default return keys, at the level whose row owns it (e.g. BodyPartExamined at Series).</summary>
public sealed record ExtraTag(DicomTag Tag, QueryLevel Level);

/// <summary>Index configuration shared by both providers.</summary>
public sealed record IndexOptions
{
    /// <summary>Extra tags kept in the generic attribute table; matchable and returned like the indexed ones.</summary>
    public IReadOnlyList<ExtraTag> ExtraTags { get; init; } = [];
}
