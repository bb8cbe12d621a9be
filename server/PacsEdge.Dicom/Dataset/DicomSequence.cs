namespace PacsEdge.Dicom.Dataset;

/// <summary>A sequence of items (SQ), each a nested data set.</summary>
public sealed class DicomSequence : DicomItem
{
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null) : base(tag, DicomVR.SQ)
    {
        if (items is not null) foreach (var item in items) Add(item);
    }

    private readonly List<DicomDataset> _items = [];

    public IReadOnlyList<DicomDataset> Items => _items;

    /// <summary>Whether the sequence was encoded with undefined length when read (kept for faithful rewriting).</summary>
    public bool UndefinedLength { get; set; }

    /// <summary>The explicit length field as read (null when undefined or built in memory); dumps show it as stored.</summary>
    public uint? ExplicitLength { get; set; }

    public void Add(DicomDataset item)
    {
        item.Parent = Owner;
        _items.Add(item);
    }

    /// <summary>The data set holding this sequence; items inherit its Specific Character Set.</summary>
    internal DicomDataset? Owner
    {
        get => _owner;
        set { _owner = value; foreach (var i in _items) i.Parent = value; }
    }

    private DicomDataset? _owner;
}
