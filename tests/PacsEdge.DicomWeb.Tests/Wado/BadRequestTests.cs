using System.Net;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

public sealed class BadRequestTests(CorpusServerFixture corpus) : IClassFixture<CorpusServerFixture>
{
    public static TheoryData<string> Suffixes() => new() { "", "/metadata", "/frames/1", "/bulkdata/7FE00010" };

    [Theory]
    [MemberData(nameof(Suffixes))]
    public async Task Unknown_uids_and_instances_under_another_study_are_404(string suffix)
    {
        var a = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        var b = corpus.StoredAsIs("test_files/MR_small.dcm")!;
        Assert.NotEqual(a.StudyInstanceUid, b.StudyInstanceUid);
        var wrongStudy = $"/dicom-web/studies/{b.StudyInstanceUid}/series/{a.SeriesInstanceUid}/instances/{a.SopInstanceUid}";
        var wrongSeries = $"/dicom-web/studies/{a.StudyInstanceUid}/series/{b.SeriesInstanceUid}/instances/{a.SopInstanceUid}";
        var unknown = $"/dicom-web/studies/{a.StudyInstanceUid}/series/{a.SeriesInstanceUid}/instances/1.2.3.4.5";
        foreach (var path in new[] { wrongStudy, wrongSeries, unknown })
            await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(path + suffix), HttpStatusCode.NotFound);
        if (suffix is "" or "/metadata")
        {
            await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync("/dicom-web/studies/1.2.3.4.5" + suffix), HttpStatusCode.NotFound);
            await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync($"/dicom-web/studies/{a.StudyInstanceUid}/series/1.2.3" + suffix), HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("/dicom-web/studies/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/dicom-web/studies/..%2F..%2Fetc%2Fpasswd/metadata")]
    [InlineData("/dicom-web/studies/1.2/series/..%2F..%2Fblobs")]
    [InlineData("/dicom-web/studies/1.2/series/1.3/instances/..")]
    [InlineData("/dicom-web/studies/1.2/series/1.3/instances/%2E%2E/frames/1")]
    [InlineData("/dicom-web/studies/1.2.x/metadata")]
    [InlineData("/dicom-web/studies/1.2345678901234567890123456789012345678901234567890123456789012345/metadata")]
    public async Task Path_like_or_malformed_uids_are_4xx_and_the_server_keeps_serving(string path)
    {
        var response = await corpus.Wado.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await corpus.Wado.GetAsync("/health")).StatusCode);
        var stored = corpus.Wado.Stored.Values.First(r => r.Status == StoreStatus.Stored);
        Assert.Equal(HttpStatusCode.OK, (await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/metadata")).StatusCode);
    }
}
