using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// The Store Instances Response Module (PS3.18 Annex I, Table I.1-1) and the HTTP status of PS3.18 10.5.3
/// (Table 10.5.3-1): 200 when every instance was stored without a warning; 202 when some were stored and others
/// failed or carry a warning (also when every one carries a warning: nothing failed, but a plain 200 would hide
/// it); 409 when none was stored.
/// </summary>
internal static class StowResponse
{
    public static int StatusCode(IReadOnlyCollection<StowOutcome> outcomes)
    {
        var stored = outcomes.Count(o => o.Result.Succeeded);
        if (stored == 0) return StatusCodes.Status409Conflict;
        var clean = outcomes.All(o => o.Result.Succeeded && !o.Result.IsDuplicateWarning);
        return clean ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
    }

    /// <param name="urls">absolute WADO-RS URLs of this request's origin</param>
    /// <param name="requestStudy">the {study} of /studies/{study}, or null</param>
    public static DicomDataset Build(IReadOnlyCollection<StowOutcome> outcomes, RetrieveUrls urls, string? requestStudy)
    {
        var dataset = new DicomDataset();
        // RetrieveURL is type 2: the study's URL when the request names it or every stored instance is in one
        // study (as dcm4chee does), else present and empty.
        var studies = outcomes.Where(o => o.Result.Succeeded).Select(o => o.Result.StudyInstanceUid).Distinct().ToList();
        var study = requestStudy ?? (studies.Count == 1 ? studies[0] : null);
        dataset.AddOrReplaceString(DicomTags.RetrieveURL, DicomVR.UR, study is null ? [] : [urls.Study(study)]);

        var failed = outcomes.Where(o => !o.Result.Succeeded).Select(o => FailedItem(o.Result)).ToList();
        if (failed.Count > 0) dataset.AddOrReplace(new DicomSequence(DicomTags.FailedSOPSequence, failed));
        var referenced = outcomes.Where(o => o.Result.Succeeded).Select(o => ReferencedItem(o.Result, urls)).ToList();
        if (referenced.Count > 0) dataset.AddOrReplace(new DicomSequence(DicomTags.ReferencedSOPSequence, referenced));
        return dataset;
    }

    private static DicomDataset ReferencedItem(StoreResult result, RetrieveUrls urls)
    {
        var item = SopReference(result);
        item.AddOrReplaceString(DicomTags.RetrieveURL, DicomVR.UR, urls.Instance(result.StudyInstanceUid!, result.SeriesInstanceUid!, result.SopInstanceUid!));
        if (result.IsDuplicateWarning) item.AddOrReplaceUInt16(DicomTags.WarningReason, StowWarningReasons.AlreadyStoredIdentical);
        return item;
    }

    private static DicomDataset FailedItem(StoreResult result)
    {
        var item = SopReference(result);
        item.AddOrReplaceUInt16(DicomTags.FailureReason, result.FailureReason ?? FailureReasonCodes.ProcessingFailure);
        return item;
    }

    /// <summary>The SOP Instance Reference Macro (PS3.3 Table 10-11); UIDs a part never revealed (not DICOM) stay empty.</summary>
    private static DicomDataset SopReference(StoreResult result)
    {
        var item = new DicomDataset();
        item.AddOrReplaceString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, result.SopClassUid is { } c ? [c] : []);
        item.AddOrReplaceString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, result.SopInstanceUid is { } i ? [i] : []);
        return item;
    }
}
