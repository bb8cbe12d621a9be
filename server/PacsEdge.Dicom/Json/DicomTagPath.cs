using System.Text;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// Where an element sits in a data set: the tags of the enclosing sequences and the item index in
/// each, then its own tag. Bulk data URIs are built from it (e.g. ".../bulkdata/00540016/0/00181072").
/// </summary>
public sealed class DicomTagPath
{
    private DicomTagPath(DicomTagPath? sequence, int item, DicomTag tag)
    {
        Sequence = sequence;
        Item = item;
        Tag = tag;
    }

    /// <summary>The path of the sequence whose item holds this element; null at the top level.</summary>
    public DicomTagPath? Sequence { get; }

    /// <summary>The zero-based item index in <see cref="Sequence"/>; -1 at the top level.</summary>
    public int Item { get; }

    public DicomTag Tag { get; }

    public static DicomTagPath TopLevel(DicomTag tag) => new(null, -1, tag);

    /// <summary>The path of an element inside item <paramref name="item"/> of this sequence.</summary>
    public DicomTagPath Child(int item, DicomTag tag) => new(this, item, tag);

    /// <summary>"GGGGEEEE/item/GGGGEEEE/...": the form used under a bulkdata URI.</summary>
    public string ToUriPath()
    {
        var sb = new StringBuilder();
        Append(sb);
        return sb.ToString();
    }

    private void Append(StringBuilder sb)
    {
        if (Sequence is not null)
        {
            Sequence.Append(sb);
            sb.Append('/').Append(Item).Append('/');
        }
        sb.Append(Tag.ToHex());
    }

    public override string ToString() => ToUriPath();
}
