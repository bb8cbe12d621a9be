using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// Uses a parsed file the way consumers do (dump, JSON, index): walks every item recursively, loads
/// each value, decodes text with the data set's character set and numbers per VR. Values are decoded
/// lazily, so a reader that accepted bad bytes must not fail here with anything but the typed exception.
/// </summary>
public static class DatasetToucher
{
    /// <summary>Returns how many items were visited (so the work cannot be optimised away).</summary>
    public static int Touch(DicomFile file) => Touch(file.FileMetaInformation, 0) + Touch(file.Dataset, 0);

    private static int Touch(DicomDataset dataset, int depth)
    {
        int visited = 0;
        _ = dataset.CharacterSet.Terms.Count;
        foreach (var item in dataset)
        {
            visited++;
            switch (item)
            {
                case DicomElement e:
                    _ = e.Span.Length;
                    _ = dataset.GetStrings(e.Tag);
                    _ = dataset.GetText(e.Tag);
                    _ = dataset.GetNumbers(e.Tag);
                    _ = dataset.GetSingleValueOrDefault(e.Tag, 0);
                    _ = DicomValueCodec.Multiplicity(e.Span, e.VR, dataset.CharacterSet);
                    if (e.VR == DicomVR.AT) _ = DicomValueCodec.DecodeTags(e.Span);
                    break;
                case DicomSequence sq:
                    foreach (var child in sq.Items)
                    {
                        if (!ReferenceEquals(child.Parent, dataset)) throw new InvalidOperationException($"{sq.Tag}: item's Parent is not the data set holding the sequence");
                        visited += Touch(child, depth + 1);
                    }
                    break;
                case DicomFragmentSequence fragments:
                    _ = fragments.BasicOffsets();
                    foreach (var f in fragments.Fragments) _ = f.Memory.Length;
                    break;
            }
        }
        return visited;
    }
}
