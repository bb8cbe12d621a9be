using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Tests.Support;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>
/// Patient-level values belong to each study (schema 2): an empty PatientID identifies nobody (PS3.4 C.6), and one
/// PatientID arriving with other demographics in another study does not rewrite the first study's answer.
/// </summary>
public abstract class PatientIdentityTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    private async Task<IndexRow> StudyAsync(string uid) =>
        Assert.Single(await RowsAsync(Studies((DicomTags.StudyInstanceUID, uid))));

    [Fact]
    public async Task Studies_without_a_PatientID_keep_their_own_patient_values()
    {
        // Like pydicom's image_dfl.dcm (PatientName "^^^^") and test-SR.dcm ("Test^S R"), both with an empty PatientID.
        await AddAsync(
            Make("1.1", "1.1.1", "1.1.1.1", values: [(DicomTags.PatientID, ""), (DicomTags.PatientName, "^^^^")]),
            Make("2.2", "2.2.1", "2.2.1.1", values: [(DicomTags.PatientID, ""), (DicomTags.PatientName, "Test^S R"), (DicomTags.PatientSex, "M")]));
        Assert.Equal("^^^^", (await StudyAsync("1.1"))[DicomTags.PatientName]);
        Assert.NotEqual("M", (await StudyAsync("1.1"))[DicomTags.PatientSex]);
        Assert.Equal("Test^S R", (await StudyAsync("2.2"))[DicomTags.PatientName]);
        var fuzzy = Studies((DicomTags.PatientName, "test")) with { FuzzyMatching = true };
        Assert.Equal(["2.2"], (await RowsAsync(fuzzy)).Select(r => r[DicomTags.StudyInstanceUID]));
    }

    [Fact]
    public async Task One_PatientID_with_another_name_in_another_study_leaves_the_first_study_alone()
    {
        await AddAsync(
            Make("1.1", "1.1.1", "1.1.1.1", values: [(DicomTags.PatientID, "P7"), (DicomTags.PatientName, "Smith^Anna")]),
            Make("2.2", "2.2.1", "2.2.1.1", values: [(DicomTags.PatientID, "P7"), (DicomTags.PatientName, "Jones^Anna")]));
        Assert.Equal("Smith^Anna", (await StudyAsync("1.1"))[DicomTags.PatientName]);
        Assert.Equal("Jones^Anna", (await StudyAsync("2.2"))[DicomTags.PatientName]);
        // The PatientID still finds both studies, and a name finds only the study that carries it.
        Assert.Equal(["1.1", "2.2"], (await RowsAsync(Studies((DicomTags.PatientID, "P7")))).Select(r => r[DicomTags.StudyInstanceUID]));
        Assert.Equal(["1.1"], (await RowsAsync(Studies((DicomTags.PatientName, "Smith*")))).Select(r => r[DicomTags.StudyInstanceUID]));
    }

    [Fact]
    public async Task An_instance_with_another_PatientID_leaves_its_study_with_the_first_patient_and_no_stray_rows()
    {
        await AddAsync(
            Make("1.1", "1.1.1", "1.1.1.1", values: [(DicomTags.PatientID, "P1"), (DicomTags.PatientName, "Smith^Anna")]),
            Make("1.1", "1.1.1", "1.1.1.2", values: [(DicomTags.PatientID, "P2"), (DicomTags.PatientName, "Other^Bob")]));
        Assert.Equal("P1", (await StudyAsync("1.1"))[DicomTags.PatientID]);
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient"));
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM person_name_word WHERE word = 'bob'"));
    }
}

public sealed class SqlitePatientIdentityTests() : PatientIdentityTests(() => new SqliteIndexDatabase());
public sealed class PostgresPatientIdentityTests() : PatientIdentityTests(() => new PostgresIndexDatabase());
