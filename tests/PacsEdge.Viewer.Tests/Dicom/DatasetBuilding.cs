using System.Buffers.Binary;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Viewer.Tests.Dicom;

/// <summary>Short forms for building test data sets: text, sequences, code items and AT values.</summary>
internal static class DatasetBuilding
{
    public static DicomDataset Text(this DicomDataset ds, DicomTag tag, DicomVR vr, params string[] values) => ds.AddOrReplaceString(tag, vr, values);

    public static DicomDataset Sequence(this DicomDataset ds, DicomTag tag, params DicomDataset[] items) => ds.AddOrReplace(new DicomSequence(tag, items));

    /// <summary>An item of a code sequence (CodeValue, CodingSchemeDesignator, CodeMeaning).</summary>
    public static DicomDataset Code(string value, string scheme, string meaning) => new DicomDataset()
        .Text(DicomTags.CodeValue, DicomVR.SH, value)
        .Text(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme)
        .Text(DicomTags.CodeMeaning, DicomVR.LO, meaning);

    /// <summary>An AT value: the tag as group then element, each a little-endian uint16.</summary>
    public static DicomDataset AttributeTag(this DicomDataset ds, DicomTag tag, DicomTag value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), value.Element);
        return ds.AddOrReplaceBytes(tag, DicomVR.AT, bytes);
    }
}
