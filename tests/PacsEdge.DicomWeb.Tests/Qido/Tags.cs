namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>Hex tags as DICOM JSON keys, written out so the tests do not reuse the server's dictionary.</summary>
internal static class Tags
{
    public const string SpecificCharacterSet = "00080005";
    public const string StudyDate = "00080020";
    public const string InstanceAvailability = "00080056";
    public const string Modality = "00080060";
    public const string ModalitiesInStudy = "00080061";
    public const string ReferringPhysicianName = "00080090";
    public const string StudyDescription = "00081030";
    public const string RetrieveUrl = "00081190";
    public const string SopClassUid = "00080016";
    public const string SopInstanceUid = "00080018";
    public const string PatientName = "00100010";
    public const string PatientId = "00100020";
    public const string BodyPartExamined = "00180015";
    public const string StudyInstanceUid = "0020000D";
    public const string SeriesInstanceUid = "0020000E";
    public const string SeriesNumber = "00200011";
    public const string InstanceNumber = "00200013";
    public const string NumberOfStudyRelatedSeries = "00201206";
    public const string NumberOfStudyRelatedInstances = "00201208";
    public const string NumberOfSeriesRelatedInstances = "00201209";
    public const string Rows = "00280010";
}
