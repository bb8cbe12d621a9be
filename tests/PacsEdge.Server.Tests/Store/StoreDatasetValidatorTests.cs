using PacsEdge.Plugins;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;
using PacsEdge.Server.Store;
using static PacsEdge.Server.Tests.Store.TestInstances;

namespace PacsEdge.Server.Tests.Store;

public class StoreDatasetValidatorTests
{
    private const string Study = "1.2.826.0.1.3680043.8.498.5";
    private readonly StoreDatasetValidator _validator = new();

    private StoreValidationResult Validate(byte[] bytes, StoreRequest? request = null) =>
        _validator.Validate(DicomFileReader.Read(bytes, DicomReaderOptions.UntilPixelData), request ?? StoreRequest.Default);

    [Fact]
    public void A_well_formed_instance_is_valid_and_may_name_its_own_study()
    {
        Assert.True(Validate(Ct(Study, Study + ".1", Study + ".1.1"), new StoreRequest { RequiredStudyInstanceUid = Study }).IsValid);
    }

    [Theory]
    [InlineData("SOPClassUID")]
    [InlineData("SOPInstanceUID")]
    [InlineData("StudyInstanceUID")]
    [InlineData("SeriesInstanceUID")]
    public void Each_required_uid_missing_is_a_named_failure(string keyword)
    {
        var tag = DicomDictionary.TryGetByKeyword(keyword, out var entry) ? new DicomTag(entry.Tag) : throw new InvalidOperationException(keyword);
        var result = Validate(Ct(Study, Study + ".1", Study + ".1.1", change: d => d.Remove(tag)));
        Assert.Equal(FailureReasonCodes.DataSetDoesNotMatchSopClass, result.FailureReason);
        Assert.Contains(keyword, result.Reason);
    }

    [Theory]
    [InlineData("1.2.abc")]
    [InlineData("1..2")]
    [InlineData("1.2.")]
    [InlineData("../../etc/passwd")]
    public void A_uid_that_is_not_a_uid_fails(string bad)
    {
        var result = Validate(Ct(Study, bad, Study + ".1.1"));
        Assert.Equal(FailureReasonCodes.DataSetDoesNotMatchSopClass, result.FailureReason);
        Assert.Contains("SeriesInstanceUID", result.Reason);
    }

    [Fact]
    public void A_uid_longer_than_64_characters_fails()
    {
        Assert.NotNull(UidSyntax.Problem("1." + new string('2', 63)));
        Assert.Null(UidSyntax.Problem("1." + new string('2', 62)));
    }

    [Fact]
    public void Meta_group_naming_another_instance_is_refused()
    {
        var file = DicomFileReader.Read(Ct(Study, Study + ".1", Study + ".1.1"));
        file.FileMetaInformation.AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, Study + ".1.2");
        var result = _validator.Validate(file, StoreRequest.Default);
        Assert.Equal(FailureReasonCodes.CannotUnderstand, result.FailureReason);
        Assert.Contains("MediaStorageSOPInstanceUID", result.Reason);
    }

    [Fact]
    public void An_instance_of_another_study_than_the_request_names_fails()
    {
        var result = Validate(Ct(Study, Study + ".1", Study + ".1.1"), new StoreRequest { RequiredStudyInstanceUid = Study + "9" });
        Assert.Equal(FailureReasonCodes.ReferencedStudyMismatch, result.FailureReason);
        Assert.Contains(Study + "9", result.Reason);
    }
}
