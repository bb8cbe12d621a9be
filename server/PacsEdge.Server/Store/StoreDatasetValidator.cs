using PacsEdge.Plugins;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.Server.Store;

/// <summary>
/// The checks every arriving instance passes: the four UIDs that place it are present and valid UIDs, the file
/// meta group (when there is one) names the same SOP class and instance as the data set, and for STOW-RS
/// /studies/{uid} the instance belongs to that study.
/// </summary>
public sealed class StoreDatasetValidator : IStoreDatasetValidator
{
    private static readonly DicomTag[] RequiredUids =
        [DicomTags.SOPClassUID, DicomTags.SOPInstanceUID, DicomTags.StudyInstanceUID, DicomTags.SeriesInstanceUID];

    /// <summary>PS3.10 / PS3.4 Annex F: a DICOMDIR (Media Storage Directory Storage) describes media; it is not an instance to store.</summary>
    public const string MediaStorageDirectoryStorage = "1.2.840.10008.1.3.10";

    public StoreValidationResult Validate(DicomFile file, StoreRequest request)
    {
        var dataset = file.Dataset;
        var sopClass = ReadUid(dataset, DicomTags.SOPClassUID) ?? ReadUid(file.FileMetaInformation, DicomTags.MediaStorageSOPClassUID);
        if (sopClass == MediaStorageDirectoryStorage)
            return StoreValidationResult.Fail(FailureReasonCodes.SopClassNotSupported, "a DICOMDIR (Media Storage Directory Storage) is a media index, not an instance to store");
        foreach (var tag in RequiredUids)
        {
            var keyword = DicomDictionary.KeywordOf(tag);
            var value = ReadUid(dataset, tag);
            if (value is null)
                return StoreValidationResult.Fail(FailureReasonCodes.DataSetDoesNotMatchSopClass, $"{keyword} {tag} is missing or empty");
            if (UidSyntax.Problem(value) is { } problem)
                return StoreValidationResult.Fail(FailureReasonCodes.DataSetDoesNotMatchSopClass, $"{keyword} {tag} is not a valid UID: it {problem}");
        }

        var meta = file.FileMetaInformation;
        if (MetaMismatch(meta, DicomTags.MediaStorageSOPClassUID, dataset, DicomTags.SOPClassUID) is { } classMismatch)
            return StoreValidationResult.Fail(FailureReasonCodes.CannotUnderstand, classMismatch);
        if (MetaMismatch(meta, DicomTags.MediaStorageSOPInstanceUID, dataset, DicomTags.SOPInstanceUID) is { } instanceMismatch)
            return StoreValidationResult.Fail(FailureReasonCodes.CannotUnderstand, instanceMismatch);

        var study = ReadUid(dataset, DicomTags.StudyInstanceUID)!;
        if (request.RequiredStudyInstanceUid is { } required && !string.Equals(required.Trim(), study, StringComparison.Ordinal))
            return StoreValidationResult.Fail(FailureReasonCodes.ReferencedStudyMismatch,
                $"the instance belongs to study {study}, not to study {required} named by the request");
        return StoreValidationResult.Valid;
    }

    /// <summary>The UID value with its padding (trailing NUL or space) removed; null when absent or empty.</summary>
    public static string? ReadUid(DicomDataset dataset, DicomTag tag)
    {
        var value = dataset.GetString(tag)?.TrimEnd('\0', ' ').Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? MetaMismatch(DicomDataset meta, DicomTag metaTag, DicomDataset dataset, DicomTag datasetTag)
    {
        var inMeta = ReadUid(meta, metaTag);
        if (inMeta is null) return null; // no meta group (or no such element): nothing to contradict
        var inDataset = ReadUid(dataset, datasetTag)!;
        return inMeta == inDataset
            ? null
            : $"the file meta information's {DicomDictionary.KeywordOf(metaTag)} {inMeta} differs from the data set's {DicomDictionary.KeywordOf(datasetTag)} {inDataset}";
    }
}
