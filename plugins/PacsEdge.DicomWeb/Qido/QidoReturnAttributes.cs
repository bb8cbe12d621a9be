using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// Which attributes a QIDO-RS result carries (PS3.18 10.6.3.3, Tables 10.6.3-3 study, 10.6.3-4 series, 10.6.3-5
/// instance, "Attributes returned by default"): the target level's defaults; for /series and /instances across all
/// studies also the study's, for /instances also the series' when not scoped to one series (PS3.18 10.6.3.3.2/3:
/// the parent levels that the path does not fix). Series and instance results always carry the UIDs of their parents,
/// so a client can build WADO-RS paths without remembering the request. StudyDescription is added to the study
/// defaults: every viewer's study list shows it (Orthanc and dcm4chee return it too).
/// </summary>
internal static class QidoReturnAttributes
{
    public static readonly IReadOnlyList<DicomTag> Study =
    [
        DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.AccessionNumber, DicomTags.InstanceAvailability,
        DicomTags.ModalitiesInStudy, DicomTags.ReferringPhysicianName, DicomTags.TimezoneOffsetFromUTC, DicomTags.RetrieveURL,
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.PatientSex,
        DicomTags.StudyInstanceUID, DicomTags.StudyID, DicomTags.StudyDescription,
        DicomTags.NumberOfStudyRelatedSeries, DicomTags.NumberOfStudyRelatedInstances,
    ];

    public static readonly IReadOnlyList<DicomTag> Series =
    [
        DicomTags.Modality, DicomTags.TimezoneOffsetFromUTC, DicomTags.SeriesDescription, DicomTags.RetrieveURL,
        DicomTags.SeriesInstanceUID, DicomTags.SeriesNumber, DicomTags.NumberOfSeriesRelatedInstances,
        DicomTags.PerformedProcedureStepStartDate, DicomTags.PerformedProcedureStepStartTime,
    ];

    public static readonly IReadOnlyList<DicomTag> Instance =
    [
        DicomTags.SOPClassUID, DicomTags.SOPInstanceUID, DicomTags.InstanceAvailability, DicomTags.TimezoneOffsetFromUTC,
        DicomTags.RetrieveURL, DicomTags.InstanceNumber, DicomTags.Rows, DicomTags.Columns, DicomTags.BitsAllocated,
        DicomTags.NumberOfFrames,
    ];

    /// <summary>The default return tags of a search at <paramref name="level"/> scoped by the path's UIDs.</summary>
    public static IReadOnlySet<DicomTag> Defaults(QueryLevel level, bool studyInPath, bool seriesInPath)
    {
        var tags = new HashSet<DicomTag>();
        switch (level)
        {
            case QueryLevel.Study:
                tags.UnionWith(Study);
                break;
            case QueryLevel.Series:
                if (!studyInPath) tags.UnionWith(Study);
                tags.UnionWith(Series);
                tags.Add(DicomTags.StudyInstanceUID);
                break;
            default:
                if (!studyInPath) tags.UnionWith(Study);
                if (!seriesInPath) tags.UnionWith(Series);
                tags.UnionWith(Instance);
                tags.Add(DicomTags.StudyInstanceUID);
                tags.Add(DicomTags.SeriesInstanceUID);
                break;
        }
        return tags;
    }

    /// <summary>True for the attributes the plugin computes rather than reads from the index.</summary>
    public static bool IsComputed(DicomTag tag) => tag == DicomTags.RetrieveURL || tag == DicomTags.InstanceAvailability;
}
