namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>The rendered PNG, decoded by PIL, against dcmtk's dcmj2pnm rendering of the same file with the same window.</summary>
public sealed class RenderedMatchesDcmtkTests
{
    public static TheoryData<string, string, string[]> Cases() => new()
    {
        // file, query, dcmj2pnm options giving the same window
        { "CT_small.dcm", "", ["+Wm"] },                                 // no stored window: min/max of the frame
        { "CT_small.dcm", "?window=40,400", ["+Ww", "40", "400"] },      // the request's window
        { "CT_small.dcm", "?window=-600,1500,linear", ["+Ww", "-600", "1500"] },
        { "MR_small.dcm", "", ["+Wi", "1"] },                            // the stored window 600/1600
        { "MR_small_RLE.dcm", "", ["+Wi", "1"] },                        // decoded through the RLE codec
        { "MR_small_bigendian.dcm", "", ["+Wi", "1"] },
        { "MR_small.dcm", "?window=100,50", ["+Ww", "100", "50"] },
        { "SC_rgb_rle.dcm", "", [] },                                    // RGB passes through
        { "SC_rgb_small_odd.dcm", "", [] },
        { "SC_rgb_jpeg_gdcm.dcm", "", [] },                              // JPEG Lossless, RGB
        { "image_dfl.dcm", "", ["+Wm"] },                                // 8-bit, deflated
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_rendered_png_matches_dcmj2pnm_within_one_gray_level(string file, string query, string[] dcmtkOptions)
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync(file);

        var ours = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered" + query, "image/png", "image/png", dir, "ours.png");
        var theirs = RenderingServer.Dcmj2pnm(CorpusFiles.PathOf("test_files/" + file), dir, "dcmtk.png", dcmtkOptions);

        var (ourInfo, theirInfo) = (Pil.Info(ours), Pil.Info(theirs));
        Assert.Equal("PNG", ourInfo.Format);
        Assert.Equal((theirInfo.Mode, theirInfo.Width, theirInfo.Height), (ourInfo.Mode, ourInfo.Width, ourInfo.Height));
        var (max, _) = Pil.Diff(ours, theirs);
        Assert.True(max <= 1, $"{file}{query}: largest difference to dcmj2pnm is {max} gray levels");
    }

    public static TheoryData<string, string[], string, string[]> Variants() => new()
    {
        // file, dcmodify changes, query, dcmj2pnm options: layouts the corpus lacks, made from its files
        { "MR_small.dcm", ["(0028,0004)=MONOCHROME1"], "", ["+Wi", "1"] },                              // inverted display
        { "MR_small.dcm", ["(0028,0004)=MONOCHROME1"], "?window=300,700", ["+Ww", "300", "700"] },
        { "CT_small.dcm", ["(0028,1053)=2.5", "(0028,1052)=-100"], "?window=500,2000", ["+Ww", "500", "2000"] }, // modality LUT
        { "CT_small.dcm", ["(0028,1053)=-1", "(0028,1052)=0"], "", ["+Wm"] },                           // negative slope, min/max
        { "MR_small.dcm", ["(0028,0101)=12", "(0028,0102)=11"], "?window=1000,2000", ["+Ww", "1000", "2000"] }, // 12 of 16 bits stored
        { "MR_small.dcm", ["(0028,1056)=SIGMOID"], "?window=600,1600,sigmoid", ["+Ww", "600", "1600", "+Wfs"] },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Modified_corpus_files_render_as_dcmj2pnm_renders_them(string file, string[] changes, string query, string[] dcmtkOptions)
    {
        using var dir = new TempDirectory();
        var copy = dir.Combine("variant.dcm");
        File.Copy(CorpusFiles.PathOf("test_files/" + file), copy);
        var modify = ExternalTool.Run("dcmodify", ["-nb", .. changes.SelectMany(c => new[] { "-i", c }), copy]);
        Assert.True(modify.ExitCode == 0, modify.StdErr);
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreAsync(copy);

        var ours = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered" + query, "image/png", "image/png", dir, "ours.png");
        var theirs = RenderingServer.Dcmj2pnm(copy, dir, "dcmtk.png", dcmtkOptions);
        var (max, _) = Pil.Diff(ours, theirs);
        Assert.True(max <= 1, $"{file} {string.Join(' ', changes)}{query}: largest difference to dcmj2pnm is {max} gray levels");
    }

    [Fact]
    public async Task Each_frame_of_a_multi_frame_instance_renders_as_dcmj2pnm_renders_that_frame()
    {
        using var dir = new TempDirectory();
        await using var server = await RenderingServer.StartAsync();
        var stored = await server.StoreCorpusAsync("SC_rgb_rle_2frame.dcm");
        var source = CorpusFiles.PathOf("test_files/SC_rgb_rle_2frame.dcm");

        var frame1 = await server.FetchImageAsync(stored.InstanceUrl() + "/frames/1/rendered", "image/png", "image/png", dir, "f1.png");
        var frame2 = await server.FetchImageAsync(stored.InstanceUrl() + "/frames/2/rendered", "image/png", "image/png", dir, "f2.png");
        var instance = await server.FetchImageAsync(stored.InstanceUrl() + "/rendered", "image/png", "image/png", dir, "i.png");

        Assert.Equal(0, Pil.Diff(frame1, RenderingServer.Dcmj2pnm(source, dir, "d1.png", "+F", "1")).Max);
        Assert.Equal(0, Pil.Diff(frame2, RenderingServer.Dcmj2pnm(source, dir, "d2.png", "+F", "2")).Max);
        Assert.NotEqual(0, Pil.Diff(frame1, frame2).Max);
        Assert.Equal(0, Pil.Diff(instance, frame1).Max); // the instance's rendering is its first frame
    }
}
