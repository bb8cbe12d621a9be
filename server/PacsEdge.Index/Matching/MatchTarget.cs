using PacsEdge.Dicom;
using PacsEdge.Index.Schema;

namespace PacsEdge.Index.Matching;

/// <summary>
/// Where a matching key is evaluated: the value column, and for person names the folded column and the
/// person_name_word attribute whose owner_key is <see cref="OwnerKey"/>.
/// </summary>
internal sealed record MatchTarget(DicomTag Tag, MatchKind Kind, string Column)
{
    public string? FoldedColumn { get; init; }
    public int? WordAttribute { get; init; }
    public string? OwnerKey { get; init; }
    /// <summary>Set for a configured extra tag: <see cref="Column"/> is then extra_attribute's value column.</summary>
    public ExtraTag? Extra { get; init; }
}
