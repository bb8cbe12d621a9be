using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// Walks a data set depth first and writes a line per element, item and delimiter. dcmdump prints
/// delimitation lines also after items and sequences of explicit length, marked "for re-encoding".
/// </summary>
internal sealed class DumpWalker(TextWriter writer, DicomDumpOptions options, bool implicitVR)
{
    private static readonly DicomTag Item = new(0xFFFEE000);
    private static readonly DicomTag ItemDelimitation = new(0xFFFEE00D);
    private static readonly DicomTag SequenceDelimitation = new(0xFFFEE0DD);

    public void Dataset(DicomDataset dataset, int level)
    {
        foreach (var item in dataset)
        {
            switch (item)
            {
                case DicomElement e: Element(dataset, e, level); break;
                case DicomSequence s: Sequence(dataset, s, level); break;
                case DicomFragmentSequence f: Fragments(dataset, f, level); break;
            }
        }
    }

    private void Element(DicomDataset dataset, DicomElement element, int level)
    {
        var (text, vm) = DumpValueText.Format(element, dataset.CharacterSet, options);
        DumpLine.Write(writer, level, element.Tag, DumpNames.VRCode(element, implicitVR), text, element.Length, vm,
            DumpNames.Keyword(dataset, element.Tag));
    }

    private void Sequence(DicomDataset dataset, DicomSequence sequence, int level)
    {
        bool undefined = sequence.ExplicitLength is null;
        string kind = undefined ? "undefined" : "explicit";
        DumpLine.Write(writer, level, sequence.Tag, "SQ", $"(Sequence with {kind} length #={sequence.Items.Count})",
            sequence.ExplicitLength, 1, DumpNames.Keyword(dataset, sequence.Tag));
        bool records = DumpDirectoryRecords.IsRecordSequence(sequence);
        foreach (var item in sequence.Items)
        {
            bool itemUndefined = item.ExplicitLength is null;
            string itemText = records ? DumpDirectoryRecords.ItemText(item)
                : $"(Item with {(itemUndefined ? "undefined" : "explicit")} length #={item.Count})";
            DumpLine.Write(writer, level + 1, Item, "na", itemText, item.ExplicitLength, 1, "Item");
            if (records) DumpDirectoryRecords.WriteOffsetLine(writer, item, level + 1);
            Dataset(item, level + 2);
            string delimiterText = records ? DumpDirectoryRecords.DelimiterText(item)
                : itemUndefined ? "(ItemDelimitationItem)" : "(ItemDelimitationItem for re-encoding)";
            DumpLine.Write(writer, level + 1, ItemDelimitation, "na", delimiterText, 0, 0, "ItemDelimitationItem");
        }
        DumpLine.Write(writer, level, SequenceDelimitation, "na",
            undefined ? "(SequenceDelimitationItem)" : "(SequenceDelimitationItem for re-encod.)", 0, 0, "SequenceDelimitationItem");
    }

    private void Fragments(DicomDataset dataset, DicomFragmentSequence pixels, int level)
    {
        // PS3.5 A.4: encapsulated pixel data is OB; dcmdump says so even when the file wrote OW.
        DumpLine.Write(writer, level, pixels.Tag, "OB", $"(PixelSequence #={pixels.Fragments.Count + 1})",
            null, 1, DumpNames.Keyword(dataset, pixels.Tag));
        Fragment(pixels.OffsetTable, level + 1);
        foreach (var fragment in pixels.Fragments) Fragment(fragment, level + 1);
        DumpLine.Write(writer, level, SequenceDelimitation, "na", "(SequenceDelimitationItem)", 0, 0, "SequenceDelimitationItem");
    }

    private void Fragment(Buffers.IByteSource value, int level)
    {
        var element = new DicomElement(Item, DicomVR.OB, value);
        var (text, _) = DumpValueText.Format(element, Text.DicomCharacterSet.Default, options);
        DumpLine.Write(writer, level, Item, "pi", text, value.Length, 1, "Item");
    }
}
