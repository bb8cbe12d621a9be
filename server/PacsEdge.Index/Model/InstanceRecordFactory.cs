using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Schema;

namespace PacsEdge.Index.Model;

/// <summary>Builds the <see cref="InstanceRecord"/> of a parsed data set: the indexed attributes and the configured extra tags.</summary>
public static class InstanceRecordFactory
{
    /// <exception cref="ArgumentException">StudyInstanceUID, SeriesInstanceUID or SOPInstanceUID is missing.</exception>
    public static InstanceRecord FromDataset(
        DicomDataset dataset, string blobKey, long sizeBytes, string sha256, string transferSyntaxUid,
        IndexOptions? options = null, string? retrieveAETitle = null)
    {
        var attributes = new Dictionary<DicomTag, string>();
        foreach (var attribute in IndexedAttributes.All)
            Put(dataset, attribute.Tag, attributes);
        foreach (var extra in options?.ExtraTags ?? [])
            Put(dataset, extra.Tag, attributes);
        return new InstanceRecord
        {
            StudyInstanceUid = Required(attributes, DicomTags.StudyInstanceUID),
            SeriesInstanceUid = Required(attributes, DicomTags.SeriesInstanceUID),
            SopInstanceUid = Required(attributes, DicomTags.SOPInstanceUID),
            Attributes = attributes,
            BlobKey = blobKey,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            TransferSyntaxUid = transferSyntaxUid,
            RetrieveAETitle = retrieveAETitle,
        };
    }

    private static void Put(DicomDataset dataset, DicomTag tag, Dictionary<DicomTag, string> attributes)
    {
        if (dataset.Get(tag) is not DicomElement element) return;
        var text = element.VR.IsBinaryNumber()
            ? string.Join('\\', dataset.GetNumbers(tag).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : dataset.GetText(tag);
        if (!string.IsNullOrWhiteSpace(text)) attributes[tag] = text.Trim();
    }

    private static string Required(Dictionary<DicomTag, string> attributes, DicomTag tag) =>
        attributes.TryGetValue(tag, out var v) && v.Length > 0
            ? v
            : throw new ArgumentException($"{DicomDictionary.KeywordOf(tag)} is missing");
}
