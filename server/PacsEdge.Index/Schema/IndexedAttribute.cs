using PacsEdge.Dicom;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Schema;

/// <summary>An attribute with its own column in the table of its level.</summary>
public sealed record IndexedAttribute(DicomTag Tag, QueryLevel Level, string Column, MatchKind Kind)
{
    /// <summary>The table alias used in generated SQL (p, st, se, i).</summary>
    public string TableAlias => SqlNames.Alias(Level);
}
