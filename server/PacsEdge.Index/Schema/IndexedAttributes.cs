using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Schema;

/// <summary>
/// The attributes with columns: the PS3.18 default return keys of each level (PS3.18 Table 6.7.1-2 "Study",
/// 6.7.1-2a "Series", 6.7.1-2b "Instance" in the 2022 edition), plus IssuerOfPatientID (patient identity).
/// The migrations create exactly these columns; anything else goes through the configured extra tags.
/// </summary>
public static class IndexedAttributes
{
    public static readonly IReadOnlyList<IndexedAttribute> All =
    [
        new(DicomTags.PatientName, QueryLevel.Patient, "patient_name", MatchKind.PersonName),
        new(DicomTags.PatientID, QueryLevel.Patient, "patient_id", MatchKind.Text),
        new(DicomTags.IssuerOfPatientID, QueryLevel.Patient, "issuer_of_patient_id", MatchKind.Text),
        new(DicomTags.PatientBirthDate, QueryLevel.Patient, "patient_birth_date", MatchKind.Date),
        new(DicomTags.PatientSex, QueryLevel.Patient, "patient_sex", MatchKind.Text),

        new(DicomTags.StudyInstanceUID, QueryLevel.Study, "study_uid", MatchKind.Uid),
        new(DicomTags.StudyDate, QueryLevel.Study, "study_date", MatchKind.Date),
        new(DicomTags.StudyTime, QueryLevel.Study, "study_time", MatchKind.Time),
        new(DicomTags.AccessionNumber, QueryLevel.Study, "accession_number", MatchKind.Text),
        new(DicomTags.ReferringPhysicianName, QueryLevel.Study, "referring_physician_name", MatchKind.PersonName),
        new(DicomTags.StudyID, QueryLevel.Study, "study_id", MatchKind.Text),
        new(DicomTags.StudyDescription, QueryLevel.Study, "study_description", MatchKind.Text),
        new(DicomTags.TimezoneOffsetFromUTC, QueryLevel.Study, "timezone_offset_from_utc", MatchKind.Text),
        new(DicomTags.ModalitiesInStudy, QueryLevel.Study, "modalities_in_study", MatchKind.ModalitiesInStudy),
        new(DicomTags.NumberOfStudyRelatedSeries, QueryLevel.Study, "number_of_series", MatchKind.ReturnOnly),
        new(DicomTags.NumberOfStudyRelatedInstances, QueryLevel.Study, "number_of_instances", MatchKind.ReturnOnly),

        new(DicomTags.SeriesInstanceUID, QueryLevel.Series, "series_uid", MatchKind.Uid),
        new(DicomTags.Modality, QueryLevel.Series, "modality", MatchKind.Text),
        new(DicomTags.SeriesDescription, QueryLevel.Series, "series_description", MatchKind.Text),
        new(DicomTags.SeriesNumber, QueryLevel.Series, "series_number", MatchKind.Integer),
        new(DicomTags.PerformedProcedureStepStartDate, QueryLevel.Series, "pps_start_date", MatchKind.Date),
        new(DicomTags.PerformedProcedureStepStartTime, QueryLevel.Series, "pps_start_time", MatchKind.Time),
        new(DicomTags.NumberOfSeriesRelatedInstances, QueryLevel.Series, "number_of_instances", MatchKind.ReturnOnly),

        new(DicomTags.SOPInstanceUID, QueryLevel.Instance, "sop_instance_uid", MatchKind.Uid),
        new(DicomTags.SOPClassUID, QueryLevel.Instance, "sop_class_uid", MatchKind.Uid),
        new(DicomTags.InstanceNumber, QueryLevel.Instance, "instance_number", MatchKind.Integer),
        new(DicomTags.Rows, QueryLevel.Instance, "image_rows", MatchKind.Integer),
        new(DicomTags.Columns, QueryLevel.Instance, "image_columns", MatchKind.Integer),
        new(DicomTags.BitsAllocated, QueryLevel.Instance, "bits_allocated", MatchKind.Integer),
        new(DicomTags.NumberOfFrames, QueryLevel.Instance, "number_of_frames", MatchKind.Integer),
        new(DicomTags.RetrieveAETitle, QueryLevel.Instance, "retrieve_ae_title", MatchKind.Text),
        new(DicomTags.AvailableTransferSyntaxUID, QueryLevel.Instance, "transfer_syntax_uid", MatchKind.Uid),
    ];

    private static readonly Dictionary<DicomTag, IndexedAttribute> ByTag = All.ToDictionary(a => a.Tag);

    public static bool TryGet(DicomTag tag, out IndexedAttribute attribute) => ByTag.TryGetValue(tag, out attribute!);

    /// <summary>The columns a level's row stores from the instance record (not the computed ones).</summary>
    public static IEnumerable<IndexedAttribute> StoredAt(QueryLevel level) =>
        All.Where(a => a.Level == level && a.Kind is not (MatchKind.ReturnOnly or MatchKind.ModalitiesInStudy)
                       && a.Tag != DicomTags.AvailableTransferSyntaxUID && a.Tag != DicomTags.RetrieveAETitle);

    /// <summary>The match kind that a tag's VR calls for (used for the configured extra tags).</summary>
    public static MatchKind KindOf(DicomTag tag)
    {
        var vr = DicomDictionary.TryGetEntry(tag, out var e) ? e.DefaultVR : DicomVR.UN;
        return vr switch
        {
            DicomVR.PN => MatchKind.PersonName,
            DicomVR.UI => MatchKind.Uid,
            DicomVR.DA => MatchKind.Date,
            DicomVR.TM => MatchKind.Time,
            DicomVR.DT => MatchKind.DateTime,
            DicomVR.IS or DicomVR.US or DicomVR.UL or DicomVR.SS or DicomVR.SL => MatchKind.Integer,
            _ => MatchKind.Text,
        };
    }
}
