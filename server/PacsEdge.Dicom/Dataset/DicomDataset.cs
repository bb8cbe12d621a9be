using System.Collections;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Dataset;

/// <summary>
/// A data set: items kept sorted by tag in one list, found by binary search (dcm4che's Attributes).
/// Reading appends in tag order, so the common insert is an append. Typed access lives in
/// DicomDatasetValues.cs; this file is the container.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomItem>
{
    private readonly List<DicomItem> _items = [];
    private DicomCharacterSet? _characterSet;

    public DicomDataset() { }

    public DicomDataset(IEnumerable<DicomItem> items)
    {
        foreach (var item in items) AddOrReplace(item);
    }

    public int Count => _items.Count;

    /// <summary>The data set that holds the sequence this data set is an item of (null at the top).</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>Whether this item was encoded with undefined length when read (sequence items only).</summary>
    public bool UndefinedLength { get; set; }

    /// <summary>The item's explicit length field as read (null when undefined or built in memory).</summary>
    public uint? ExplicitLength { get; set; }

    /// <summary>
    /// Byte offset of the item's tag in the stream it was read from (null when built in memory). DICOMDIR
    /// records point at each other by this offset (PS3.3 F.3.2.2), and dumps show it.
    /// </summary>
    public long? StreamOffset { get; set; }

    public DicomItem this[int index] => _items[index];

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomItem? Get(DicomTag tag)
    {
        int i = IndexOf(tag);
        return i >= 0 ? _items[i] : null;
    }

    public bool TryGet<T>(DicomTag tag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? item) where T : DicomItem
    {
        item = Get(tag) as T;
        return item is not null;
    }

    /// <summary>Adds an item, replacing one with the same tag.</summary>
    public DicomDataset AddOrReplace(DicomItem item)
    {
        int n = _items.Count;
        if (n == 0 || _items[n - 1].Tag < item.Tag) _items.Add(item);
        else
        {
            int i = IndexOf(item.Tag);
            if (i >= 0) _items[i] = item;
            else _items.Insert(~i, item);
        }
        if (item is DicomSequence sq) sq.Owner = this;
        if (item.Tag == DicomTags.SpecificCharacterSet) InvalidateCharacterSet();
        return this;
    }

    public bool Remove(DicomTag tag)
    {
        int i = IndexOf(tag);
        if (i < 0) return false;
        _items.RemoveAt(i);
        if (tag == DicomTags.SpecificCharacterSet) InvalidateCharacterSet();
        return true;
    }

    public void RemoveAll(Predicate<DicomItem> match)
    {
        _items.RemoveAll(match);
        InvalidateCharacterSet();
    }

    /// <summary>
    /// The Specific Character Set in force here: this data set's own (0008,0005), else the enclosing
    /// data set's (PS3.5 6.1.2.5: items inherit it), else the default repertoire.
    /// </summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is not null) return _characterSet;
            if (Get(DicomTags.SpecificCharacterSet) is DicomElement e)
                return _characterSet = DicomCharacterSet.FromTerms(SplitRawAscii(e.Span));
            return Parent?.CharacterSet ?? DicomCharacterSet.Default;
        }
    }

    private void InvalidateCharacterSet() => _characterSet = null;

    private static string[] SplitRawAscii(ReadOnlySpan<byte> raw) =>
        System.Text.Encoding.ASCII.GetString(raw).Split('\\').Select(s => s.Trim(' ', '\0')).ToArray();

    /// <summary>Binary search; the complement of the insertion point when absent (List.BinarySearch's contract).</summary>
    private int IndexOf(DicomTag tag)
    {
        int lo = 0, hi = _items.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint v = _items[mid].Tag.Value;
            if (v == tag.Value) return mid;
            if (v < tag.Value) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    public IEnumerator<DicomItem> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
