namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>Media types, window, viewport and quality over real HTTP.</summary>
public sealed class RenderedParametersTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("image/*")]
    [InlineData("image/jpeg")]
    [InlineData("image/gif, image/jpeg;q=0.5")]
    public async Task JPEG_is_the_default_and_decodes_close_to_the_png(string? accept)
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("MR_small.dcm");

        var jpeg = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered", accept, "image/jpeg", dir, "r.jpg");
        var png = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered", "image/png", "image/png", dir, "r.png");

        var info = Pil.Info(jpeg);
        Assert.Equal(("JPEG", "L", 64, 64), (info.Format, info.Mode, info.Width, info.Height));
        var (max, mean) = Pil.Diff(jpeg, png);
        Assert.True(mean < 2.5 && max < 40, $"JPEG at the default quality is too far from the PNG: mean {mean}, max {max}");
    }

    [Fact]
    public async Task The_accept_query_parameter_and_q_values_choose_png()
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        await server.FetchImageAsync(stored.InstanceUrl() + "/rendered", "image/jpeg;q=0.4, image/png;q=0.9", "image/png", dir, "a.png");
        await server.FetchImageAsync(stored.InstanceUrl() + "/rendered?accept=image/png", "image/jpeg", "image/png", dir, "b.png");
    }

    [Fact]
    public async Task Quality_changes_the_jpeg_size()
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        var low = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered?quality=5", "image/jpeg", "image/jpeg", dir, "low.jpg");
        var high = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered?quality=98", "image/jpeg", "image/jpeg", dir, "high.jpg");
        Assert.True(new FileInfo(low).Length < new FileInfo(high).Length / 2, "quality 5 should be far smaller than quality 98");
        var png = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered", "image/png", "image/png", dir, "r.png");
        Assert.True(Pil.Diff(high, png).Mean < Pil.Diff(low, png).Mean);
    }

    [Fact]
    public async Task The_window_parameter_changes_the_output_and_each_function_is_accepted()
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm");
        var url = stored.InstanceUrl() + "/rendered";
        var stored1 = await server.FetchImageAsync(url, "image/png", "image/png", dir, "default.png");
        var narrow = await server.FetchImageAsync(url + "?window=40,80", "image/png", "image/png", dir, "narrow.png");
        var wide = await server.FetchImageAsync(url + "?window=40,2000", "image/png", "image/png", dir, "wide.png");
        var exact = await server.FetchImageAsync(url + "?window=40,80,linear-exact", "image/png", "image/png", dir, "exact.png");
        var sigmoid = await server.FetchImageAsync(url + "?window=40,80,sigmoid", "image/png", "image/png", dir, "sigmoid.png");
        Assert.True(Pil.Diff(narrow, wide).Mean > 10);
        Assert.True(Pil.Diff(stored1, narrow).Mean > 10);
        // LINEAR ramps over width - 1 from c - 0.5, LINEAR_EXACT over width from c: at most 255/79 apart, plus rounding.
        Assert.True(Pil.Diff(narrow, exact).Max <= 4, "linear and linear-exact differ by a half-level offset and a 1/80 slope only");
        Assert.True(Pil.Diff(narrow, exact).Max >= 1, "linear-exact is not ignored");
        Assert.True(Pil.Diff(narrow, sigmoid).Max > 5, "sigmoid is not the linear ramp");
    }

    [Theory]
    [InlineData("/rendered", "", 128, 128)]                   // rendered keeps the full size
    [InlineData("/rendered", "?viewport=64,64", 64, 64)]
    [InlineData("/rendered", "?viewport=100,40", 40, 40)]     // aspect kept: the smaller scale wins
    [InlineData("/rendered", "?viewport=300,256", 256, 256)]  // enlarging is allowed for rendered
    [InlineData("/thumbnail", "", 128, 128)]
    [InlineData("/thumbnail", "?viewport=32,48", 32, 32)]
    [InlineData("/frames/1/thumbnail", "?viewport=20,20", 20, 20)]
    public async Task Sizes_follow_the_viewport_keeping_the_aspect_ratio(string resource, string query, int width, int height)
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("CT_small.dcm"); // 128 x 128
        var path = await server.FetchImageAsync(stored.InstanceUrl() + resource + query, "image/png", "image/png", dir, "x.png");
        var info = Pil.Info(path);
        Assert.Equal((width, height), (info.Width, info.Height));
    }

    [Fact]
    public async Task Series_and_study_thumbnails_render_a_representative_instance()
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var mr = await server.StoreCorpusAsync("MR_small.dcm"); // 64 x 64
        var series = $"/dicom-web/studies/{mr.StudyInstanceUid}/series/{mr.SeriesInstanceUid}/thumbnail";
        var study = $"/dicom-web/studies/{mr.StudyInstanceUid}/thumbnail";

        var seriesThumb = await server.FetchImageAsync(series, "image/png", "image/png", dir, "s.png");
        var studyThumb = await server.FetchImageAsync(study + "?viewport=16,16", "image/png", "image/png", dir, "st.png");
        var instanceThumb = await server.FetchImageAsync(mr.InstanceUrl() + "/thumbnail", "image/png", "image/png", dir, "i.png");
        Assert.Equal((64, 64), (Pil.Info(seriesThumb).Width, Pil.Info(seriesThumb).Height)); // a small image is not enlarged
        Assert.Equal(0, Pil.Diff(seriesThumb, instanceThumb).Max);
        Assert.Equal((16, 16), (Pil.Info(studyThumb).Width, Pil.Info(studyThumb).Height));
        Assert.Equal("JPEG", Pil.Info(await server.FetchImageAsync(study, null, "image/jpeg", dir, "d.jpg")).Format);
    }
}
