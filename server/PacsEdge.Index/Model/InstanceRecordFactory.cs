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
        if (element.VR == DicomVR.PN && text is not null) text = WithoutTrailingEmptyComponents(text);
        if (!string.IsNullOrWhiteSpace(text)) attributes[tag] = text.Trim();
    }

    /// <summary>
    /// PS3.5 6.2.1: trailing empty component groups and components of a person name are insignificant, so
    /// "Wang^XiaoDong=王^小東=" and "Doe^John^^" are stored as "Wang^XiaoDong=王^小東" and "Doe^John", making
    /// exact matching independent of how the sender padded the name.
    /// </summary>
    internal static string WithoutTrailingEmptyComponents(string value) =>
        string.Join('\\', value.Split('\\').Select(name =>
            string.Join('=', name.Split('=').Select(group => group.TrimEnd().TrimEnd('^').TrimEnd())).TrimEnd('=')));

    private static string Required(Dictionary<DicomTag, string> attributes, DicomTag tag) =>
        attributes.TryGetValue(tag, out var v) && v.Length > 0
            ? v
            : throw new ArgumentException($"{DicomDictionary.KeywordOf(tag)} is missing");
}
