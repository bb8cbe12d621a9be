using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.Dicom.Dump;

/// <summary>The VR code and the keyword dcmdump shows for an element.</summary>
internal static class DumpNames
{
    public const string UnknownKeyword = "Unknown Tag & Data";

    /// <summary>
    /// Directory record offsets, which dcmtk's dicom.dic gives its internal VR "up" (an UL that points
    /// into the file) and dcmdump prints as such.
    /// </summary>
    private static readonly HashSet<uint> OffsetPointers = [0x00041200, 0x00041202, 0x00041400, 0x00041420, 0x00041504];

    /// <summary>
    /// dcmdump prints "??" for an element whose VR nothing told it: read in implicit VR and not in any
    /// dictionary (our reader gives those UN).
    /// </summary>
    public static string VRCode(DicomElement element, bool implicitVR)
    {
        if (element.VR == DicomVR.UN && implicitVR) return "??";
        if (element.VR == DicomVR.UL && OffsetPointers.Contains(element.Tag.Value)) return "up";
        return element.VR.Code();
    }

    /// <summary>PS3.6 keyword; private elements by their creator's dictionary; "Unknown Tag &amp; Data" otherwise.</summary>
    public static string Keyword(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsPrivate && tag.IsGroupLength) return "PrivateGroupLength";
        if (tag.IsPrivateCreator) return "PrivateCreator";
        if (tag.IsPrivate)
        {
            var creator = tag.Element >= 0x1000 ? dataset.GetString(tag.PrivateCreatorTag) : null;
            return creator is not null && DicomDictionary.TryGetPrivateEntry(tag, creator, out var p) ? p.Keyword : UnknownKeyword;
        }
        if (DicomDictionary.TryGetEntry(tag, out var entry) && entry.Keyword.Length > 0)
            return entry.IsRetired ? "RETIRED_" + entry.Keyword : entry.Keyword;
        if (tag.IsGroupLength) return "GenericGroupLength";
        return UnknownKeyword;
    }
}
