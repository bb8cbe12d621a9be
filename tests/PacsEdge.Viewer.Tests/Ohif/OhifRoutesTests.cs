using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PacsEdge.Viewer.Tests.Ohif;

/// <summary>The plugin's routes over real Kestrel: OHIF's dist relocated to /ohif/, its generated config, SPA fallback, 404s.</summary>
public sealed partial class OhifRoutesTests
{
    [Fact]
    public async Task The_index_page_loads_everything_from_below_ohif_and_nothing_from_another_host()
    {
        await using var server = await OhifAssets.StartServerAsync();
        var response = await server.Client.GetAsync("/ohif/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("window.PUBLIC_URL=\"/ohif/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("init-service-worker", html, StringComparison.Ordinal);
        var urls = UrlAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("/ohif/", u, StringComparison.Ordinal));
        Assert.Contains("/ohif/app-config.js", urls);
        // Every script and style sheet the page names is served.
        foreach (var url in urls.Where(u => u.EndsWith(".js", StringComparison.Ordinal) || u.EndsWith(".css", StringComparison.Ordinal)))
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/ohif/viewer?StudyInstanceUIDs=1.2.3")]
    [InlineData("/ohif/segmentation?StudyInstanceUIDs=1.2.3")]
    [InlineData("/ohif/viewer/dicomweb")]
    public async Task Client_routes_get_the_index_page(string path)
    {
        await using var server = await OhifAssets.StartServerAsync();
        var index = await server.Client.GetStringAsync("/ohif/");
        var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_base_without_slash_redirects_and_keeps_the_query()
    {
        await using var server = await OhifAssets.StartServerAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
        var response = await client.GetAsync("/ohif?x=1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ohif/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_webpack_bundles_load_their_chunks_from_below_ohif()
    {
        await using var server = await OhifAssets.StartServerAsync();
        var bundle = Path.GetFileName(Directory.GetFiles(OhifAssets.Directory, "app.bundle.*.js").Single());
        var served = await server.Client.GetStringAsync("/ohif/" + bundle);
        Assert.Contains("__webpack_require__.p = \"/ohif/\";", served, StringComparison.Ordinal);
        Assert.DoesNotContain("__webpack_require__.p = \"/\";", served, StringComparison.Ordinal);
        var css = await server.Client.GetStringAsync("/ohif/app.bundle.css");
        Assert.Contains("url(/ohif/", css, StringComparison.Ordinal);
        Assert.DoesNotMatch("url\\(/(?!ohif/)", css);
        // Files that need no relocation are served byte for byte.
        var wasm = Directory.GetFiles(OhifAssets.Directory, "*.wasm").First();
        var wasmResponse = await server.Client.GetAsync("/ohif/" + Path.GetFileName(wasm));
        Assert.Equal("application/wasm", wasmResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(wasm), await wasmResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_generated_config_points_OHIF_at_this_origins_dicom_web()
    {
        await using var server = await OhifAssets.StartServerAsync();
        var response = await server.Client.GetAsync("/ohif/app-config.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        // Run it the way the browser does (node, with a window on a made-up origin) and read window.config back.
        using var temp = new TempDirectory();
        var probe = temp.Combine("probe.js");
        await File.WriteAllTextAsync(probe, "global.window = { location: { origin: 'http://pacs.example:8080' } };\n" + script +
            "\nconst c = window.config; const d = c.dataSources[0].configuration;\n" +
            "console.log(JSON.stringify({ routerBasename: c.routerBasename, source: c.defaultDataSourceName, name: c.dataSources[0].sourceName, ns: c.dataSources[0].namespace," +
            " qidoRoot: d.qidoRoot, wadoRoot: d.wadoRoot, wadoUriRoot: d.wadoUriRoot, includeField: d.qidoSupportsIncludeField, imageRendering: d.imageRendering," +
            " thumbnailRendering: d.thumbnailRendering, fuzzy: d.supportsFuzzyMatching, omitQuotation: d.omitQuotationForMultipartRequest, upload: d.dicomUploadEnabled }));\n");
        var result = ExternalTool.RunChecked("node", [probe]);
        using var json = JsonDocument.Parse(result.StdOut);
        var c = json.RootElement;
        Assert.Equal("/ohif/", c.GetProperty("routerBasename").GetString());
        Assert.Equal(c.GetProperty("source").GetString(), c.GetProperty("name").GetString());
        Assert.Equal("@ohif/extension-default.dataSourcesModule.dicomweb", c.GetProperty("ns").GetString());
        foreach (var root in new[] { "qidoRoot", "wadoRoot", "wadoUriRoot" })
            Assert.Equal("http://pacs.example:8080/dicom-web", c.GetProperty(root).GetString());
        Assert.True(c.GetProperty("includeField").GetBoolean());
        Assert.Equal("wadors", c.GetProperty("imageRendering").GetString());
        Assert.Equal("wadors", c.GetProperty("thumbnailRendering").GetString());
        Assert.True(c.GetProperty("fuzzy").GetBoolean());
        Assert.True(c.GetProperty("omitQuotation").GetBoolean());
        Assert.False(c.GetProperty("upload").GetBoolean());
        Assert.DoesNotMatch("https?://", script.Replace("http://pacs.example", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/ohif/no-such-bundle.js")]
    [InlineData("/ohif/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/ohif/%2E%2E/%2E%2E/PacsEdge.sln")]
    [InlineData("/ohif/assets/..%5C..%5Cindex.html.bak")]
    public async Task Missing_and_path_like_files_are_a_404_problem(string path)
    {
        await using var server = await OhifAssets.StartServerAsync();
        var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/ohif/")).StatusCode);
    }

    [Fact]
    public async Task Without_an_OHIF_build_the_viewer_is_a_404_problem_with_the_reason_and_the_server_still_serves()
    {
        using var empty = new TempDirectory();
        await using var server = await OhifAssets.StartServerAsync(empty.Path);
        await server.WaitUntilReadyAsync();
        foreach (var path in new[] { "/ohif/", "/ohif/viewer?StudyInstanceUIDs=1.2.3", "/ohif/app.bundle.js" })
        {
            var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("holds no OHIF build", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
