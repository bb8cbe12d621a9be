using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>A small generated instance (no pixel data) with chosen patient, study, series and instance attributes.</summary>
public sealed record QidoTestInstance(string Study, string Series, string Sop)
{
    public const string SecondaryCaptureStorage = "1.2.840.10008.5.1.4.1.1.7";

    public string PatientName { get; init; } = "Anon^Ymous";
    public string PatientId { get; init; } = "P0";
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? StudyDate { get; init; }
    public string? StudyTime { get; init; }
    public string? Accession { get; init; }
    public string? StudyDescription { get; init; }
    public string? ReferringPhysician { get; init; }
    public string Modality { get; init; } = "OT";
    public int SeriesNumber { get; init; } = 1;
    public string? SeriesDescription { get; init; }
    public string? BodyPart { get; init; }
    public int InstanceNumber { get; init; } = 1;
    public ushort Rows { get; init; } = 16;
    public ushort Columns { get; init; } = 16;

    public byte[] ToBytes()
    {
        var ds = new DicomDataset();
        // UTF-8, so names like Müller^Hans are stored as they are written here.
        ds.AddOrReplaceString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrReplaceString(DicomTags.SOPClassUID, DicomVR.UI, SecondaryCaptureStorage);
        ds.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, Sop);
        ds.AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, Study);
        ds.AddOrReplaceString(DicomTags.SeriesInstanceUID, DicomVR.UI, Series);
        ds.AddOrReplaceString(DicomTags.PatientName, DicomVR.PN, PatientName);
        ds.AddOrReplaceString(DicomTags.PatientID, DicomVR.LO, PatientId);
        Optional(ds, DicomTags.PatientBirthDate, DicomVR.DA, BirthDate);
        Optional(ds, DicomTags.PatientSex, DicomVR.CS, Sex);
        Optional(ds, DicomTags.StudyDate, DicomVR.DA, StudyDate);
        Optional(ds, DicomTags.StudyTime, DicomVR.TM, StudyTime);
        Optional(ds, DicomTags.AccessionNumber, DicomVR.SH, Accession);
        Optional(ds, DicomTags.StudyDescription, DicomVR.LO, StudyDescription);
        Optional(ds, DicomTags.ReferringPhysicianName, DicomVR.PN, ReferringPhysician);
        ds.AddOrReplaceString(DicomTags.Modality, DicomVR.CS, Modality);
        ds.AddOrReplaceIntegerString(DicomTags.SeriesNumber, SeriesNumber);
        Optional(ds, DicomTags.SeriesDescription, DicomVR.LO, SeriesDescription);
        Optional(ds, DicomTags.BodyPartExamined, DicomVR.CS, BodyPart);
        ds.AddOrReplaceIntegerString(DicomTags.InstanceNumber, InstanceNumber);
        ds.AddOrReplaceUInt16(DicomTags.Rows, Rows);
        ds.AddOrReplaceUInt16(DicomTags.Columns, Columns);
        ds.AddOrReplaceUInt16(DicomTags.BitsAllocated, 8);
        return DicomFileWriter.ToBytes(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian));
    }

    private static void Optional(DicomDataset ds, DicomTag tag, DicomVR vr, string? value)
    {
        if (value is not null) ds.AddOrReplaceString(tag, vr, value);
    }
}
