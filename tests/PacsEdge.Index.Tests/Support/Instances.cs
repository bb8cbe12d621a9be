using System.Security.Cryptography;
using System.Text;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Tests.Support;

/// <summary>Synthetic instance records: a CT instance of patient P1 unless the caller sets other values.</summary>
public static class Instances
{
    /// <param name="content">Stands for the file's bytes: the same content gives the same SHA-256.</param>
    public static InstanceRecord Make(string study, string series, string sop, string content = "v1",
        params (DicomTag Tag, string Value)[] values)
    {
        var attributes = new Dictionary<DicomTag, string>
        {
            [DicomTags.StudyInstanceUID] = study,
            [DicomTags.SeriesInstanceUID] = series,
            [DicomTags.SOPInstanceUID] = sop,
            [DicomTags.SOPClassUID] = "1.2.840.10008.5.1.4.1.1.2",
            [DicomTags.PatientID] = "P1",
            [DicomTags.PatientName] = "Doe^John",
            [DicomTags.Modality] = "CT",
        };
        foreach (var (tag, value) in values) attributes[tag] = value;
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sop + "/" + content)));
        return new InstanceRecord
        {
            StudyInstanceUid = study,
            SeriesInstanceUid = series,
            SopInstanceUid = sop,
            Attributes = attributes,
            BlobKey = $"blobs/{sha[..2]}/{sha}",
            SizeBytes = 1000 + content.Length,
            Sha256 = sha,
            TransferSyntaxUid = "1.2.840.10008.1.2.1",
        };
    }

    public static IndexQuery Studies(params (DicomTag Tag, string Value)[] matches) =>
        new(QueryLevel.Study) { Matches = matches.Select(m => new AttributeMatch(m.Tag, m.Value)).ToList() };

    public static IndexQuery Series(params (DicomTag Tag, string Value)[] matches) =>
        new(QueryLevel.Series) { Matches = matches.Select(m => new AttributeMatch(m.Tag, m.Value)).ToList() };

    public static IndexQuery InstancesQuery(params (DicomTag Tag, string Value)[] matches) =>
        new(QueryLevel.Instance) { Matches = matches.Select(m => new AttributeMatch(m.Tag, m.Value)).ToList() };
}
