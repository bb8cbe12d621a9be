using System.Net;

namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>What cannot be rendered is a 406 with the reason, unknown things a 404, bad parameters a 400; never a 500.</summary>
public sealed class RenderedErrorTests
{
    [Theory]
    [InlineData("JPEG2000.dcm", "JPEG 2000")]          // no decoder for the transfer syntax
    [InlineData("SC_ybr_full_422_uncompressed.dcm", "YBR_FULL_422")]
    [InlineData("test-SR.dcm", "no pixel data")]
    public async Task Pixel_data_that_cannot_be_rendered_is_406_with_the_reason(string file, string reason)
    {
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync(file);
        foreach (var resource in new[] { "/rendered", "/thumbnail", "/frames/1/rendered" })
        {
            using var response = await server.GetAsync(stored.InstanceUrl() + resource, "image/png");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(reason, body);
        }
        // A series whose only instance cannot be drawn has no thumbnail either.
        using var series = await server.GetAsync($"/dicom-web/studies/{stored.StudyInstanceUid}/series/{stored.SeriesInstanceUid}/thumbnail", null);
        Assert.Equal(HttpStatusCode.NotAcceptable, series.StatusCode);
    }

    [Fact]
    public async Task Grayscale_beyond_16_bits_allocated_is_406()
    {
        // pydicom's RT dose (32 bits allocated) with its meta SOP Instance UID made to match the data set's, so it stores.
        using var dir = new TempDirectory();
        var copy = dir.Combine("rtdose.dcm");
        File.Copy(CorpusFiles.PathOf("test_files/rtdose_1frame.dcm"), copy);
        var fix = ExternalTool.Run("dcmodify", ["-nb", "-m", "(0008,0018)=1.2.999.999.99.9.9999.9999.20030818153516", copy]);
        Assert.True(fix.ExitCode == 0, fix.StdErr);
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreAsync(copy);
        using var response = await server.GetAsync(stored.InstanceUrl() + "/rendered", null);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("32 bits allocated", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("application/dicom")]
    [InlineData("image/png;q=0, image/jpeg;q=0")]
    public async Task Media_types_other_than_jpeg_and_png_are_406(string accept)
    {
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        using var response = await server.GetAsync(stored.InstanceUrl() + "/rendered", accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_resources_and_frame_numbers_are_404()
    {
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        var (study, series) = (stored.StudyInstanceUid, stored.SeriesInstanceUid);
        string[] urls =
        [
            stored.InstanceUrl() + "/frames/2/rendered",
            stored.InstanceUrl() + "/frames/99999/thumbnail",
            $"/dicom-web/studies/{study}/series/{series}/instances/1.2.3.4/rendered",
            $"/dicom-web/studies/{study}/series/1.2.3/instances/{stored.SopInstanceUid}/rendered",
            $"/dicom-web/studies/{study}/series/1.2.3/thumbnail",
            "/dicom-web/studies/1.2.3/thumbnail",
            "/dicom-web/studies/..%2F..%2Fetc/thumbnail",
        ];
        foreach (var url in urls)
        {
            using var response = await server.GetAsync(url, null);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/frames/abc/rendered")]
    [InlineData("/frames/0/rendered")]
    [InlineData("/frames/1,2/rendered")]
    [InlineData("/frames/-1/thumbnail")]
    [InlineData("/rendered?window=abc")]
    [InlineData("/rendered?window=40")]
    [InlineData("/rendered?window=40,0")]
    [InlineData("/rendered?window=40,0.5,linear")]
    [InlineData("/rendered?window=40,400,cubic")]
    [InlineData("/rendered?window=NaN,400")]
    [InlineData("/rendered?viewport=0,10")]
    [InlineData("/rendered?viewport=10")]
    [InlineData("/rendered?viewport=10,10,0,0,5,5")]
    [InlineData("/rendered?viewport=100000,100000")]
    [InlineData("/thumbnail?viewport=-5,5")]
    [InlineData("/rendered?quality=0")]
    [InlineData("/rendered?quality=101")]
    [InlineData("/rendered?quality=high")]
    [InlineData("/rendered?quality=50&quality=60")]
    public async Task Malformed_parameters_are_400_and_the_server_keeps_serving(string resource)
    {
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        using var response = await server.GetAsync(stored.InstanceUrl() + resource, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var after = await server.GetAsync(stored.InstanceUrl() + "/rendered", null);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_malformed_accept_header_is_400()
    {
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        using var response = await server.GetAsync(stored.InstanceUrl() + "/rendered", "image/png;q=");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
