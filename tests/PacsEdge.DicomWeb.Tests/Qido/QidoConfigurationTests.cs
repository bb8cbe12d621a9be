using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;
using static PacsEdge.DicomWeb.Tests.Qido.QidoFixture;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>Plugins:DicomWeb:MaxQueryLimit and Index:ExtraTags as a site sets them.</summary>
public sealed class QidoConfigurationTests
{
    [Fact]
    public async Task Results_beyond_a_configured_maximum_are_cut_with_a_warning_that_says_how_to_get_more()
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Plugins:DicomWeb:MaxQueryLimit"] = "2" });
        await server.WaitUntilReadyAsync();
        var store = server.App.Services.GetRequiredService<IStoreService>();
        foreach (var instance in Instances.DistinctBy(i => i.Study))
            Assert.Equal(StoreStatus.Stored, (await store.StoreAsync(new MemoryStream(instance.ToBytes()), StoreRequest.Default)).Status);

        var (noLimit, firstTwo) = await QidoJson.GetAsync(server.Client, "/dicom-web/studies");
        Assert.Equal([StudyA, StudyB], firstTwo.Uids(Tags.StudyInstanceUid));
        Assert.Contains(noLimit.Warnings(), w => w.StartsWith("299 ") && w.Contains("offset=2"));

        var (capped, cappedResults) = await QidoJson.GetAsync(server.Client, "/dicom-web/studies?limit=3&offset=2");
        Assert.Equal([StudyC, StudyD], cappedResults.Uids(Tags.StudyInstanceUid));
        Assert.Contains(capped.Warnings(), w => w.Contains("limit=3"));
        Assert.DoesNotContain(capped.Warnings(), w => w.Contains("offset=4")); // nothing beyond: no "more" warning

        var (exact, _) = await QidoJson.GetAsync(server.Client, "/dicom-web/studies?limit=2");
        Assert.Empty(exact.Warnings());
    }

    [Theory]
    [InlineData("NoSuchKeyword", "Series", "NoSuchKeyword")]
    [InlineData("BodyPartExamined", "Galaxy", "Galaxy")]
    [InlineData("PatientID", "Patient", "indexed already")]
    [InlineData("ReferencedSeriesSequence", "Series", "SQ")]
    public async Task A_wrong_extra_tag_stops_start_up_with_the_reason(string tag, string level, string reason)
    {
        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => InProcessServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Index:ExtraTags:0:Tag"] = tag, ["Index:ExtraTags:0:Level"] = level,
        }));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task An_extra_tag_given_as_hex_at_the_study_level_is_matched_and_returned()
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            // (0008,1080) AdmittingDiagnosesDescription, LO, a study attribute
            ["Index:ExtraTags:0:Tag"] = "00081080", ["Index:ExtraTags:0:Level"] = "study",
        });
        await server.WaitUntilReadyAsync();
        var store = server.App.Services.GetRequiredService<IStoreService>();
        var instance = Instances[0];
        var bytes = instance.ToBytes();
        var file = PacsEdge.Dicom.IO.DicomFileReader.Read(bytes);
        file.Dataset.AddOrReplaceString(PacsEdge.Dicom.DicomTags.AdmittingDiagnosesDescription, PacsEdge.Dicom.DicomVR.LO, "Fracture");
        Assert.Equal(StoreStatus.Stored, (await store.StoreAsync(new MemoryStream(PacsEdge.Dicom.IO.DicomFileWriter.ToBytes(file)), StoreRequest.Default)).Status);
        var (response, results) = await QidoJson.GetAsync(server.Client, "/dicom-web/studies?AdmittingDiagnosesDescription=Frac*");
        Assert.Empty(response.Warnings());
        Assert.Equal("Fracture", Assert.Single(results).Value("00081080"));
        var (_, none) = await QidoJson.GetAsync(server.Client, "/dicom-web/studies?00081080=Other");
        Assert.Empty(none);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }
}
