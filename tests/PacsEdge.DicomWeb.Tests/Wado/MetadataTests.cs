using System.Net;
using System.Text.Json;
using PacsEdge.Dicom.IO;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

public sealed class MetadataTests(CorpusServerFixture corpus) : IClassFixture<CorpusServerFixture>
{
    public static TheoryData<string> Corpus() => CorpusFiles.Names();

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Instance_metadata_equals_dcm2json_and_every_BulkDataURI_returns_the_value_bytes(string name)
    {
        var stored = corpus.StoredAsIs(name);
        if (stored is null) return;
        // Only files where dcm2json is a usable referee (it converts them, and the core's JSON writer agrees on the
        // character set); the core's own corpus test owns the others.
        if (CorpusJsonComparison.Compare(name).Outcome != CorpusJsonComparison.Outcome.Equal) return;
        var (_, expectedJson, _) = Dcm2Json.Run(CorpusFiles.PathOf(name));
        using var expected = JsonDocument.Parse(expectedJson);

        var response = await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/metadata", "application/dicom+json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        using var actual = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var dataset = Assert.Single(actual.RootElement.EnumerateArray().ToList());
        var diffs = JsonNormalizedComparer.Differences(expected.RootElement, dataset);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));

        var syntax = DicomFileReader.Read(CorpusFiles.PathOf(name), DicomReaderOptions.UntilPixelData).TransferSyntax;
        var bulk = new List<(string Uri, JsonElement Expected)>();
        CollectBulk(dataset, expected.RootElement, bulk);
        var baseUrl = corpus.Wado.Client.BaseAddress!.ToString().TrimEnd('/') + WadoServer.InstancePath(stored) + "/bulkdata/";
        foreach (var (uri, reference) in bulk)
        {
            Assert.StartsWith(baseUrl, uri);
            var parts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync(uri, "multipart/related; type=\"application/octet-stream\""));
            // Native values (all but encapsulated Pixel Data, whose parts are its frames) equal dcm2json's InlineBinary.
            bool encapsulatedPixels = uri.EndsWith("/bulkdata/7FE00010", StringComparison.Ordinal) && syntax.IsEncapsulated;
            if (!encapsulatedPixels)
            {
                var part = Assert.Single(parts);
                Assert.Equal("application/octet-stream", part.ContentType);
                Assert.Equal(Convert.FromBase64String(reference.GetProperty("InlineBinary").GetString()!), part.Body);
            }
            else Assert.NotEmpty(parts);
        }
    }

    [Fact]
    public async Task Pixel_data_and_large_values_are_BulkDataURIs_small_ones_inline()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        using var json = JsonDocument.Parse(await (await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/metadata")).Content.ReadAsByteArrayAsync());
        var ds = json.RootElement[0];
        Assert.StartsWith("http://127.0.0.1:", ds.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString());
        Assert.False(ds.GetProperty("7FE00010").TryGetProperty("InlineBinary", out _));
        Assert.True(ds.GetProperty("00431029").TryGetProperty("BulkDataURI", out _)); // 2068 bytes
        Assert.True(ds.GetProperty("00431028").TryGetProperty("InlineBinary", out _)); // 80 bytes
        foreach (var attribute in ds.EnumerateObject())
            if (attribute.Value.TryGetProperty("InlineBinary", out var inline))
                Assert.True(Convert.FromBase64String(inline.GetString()!).Length < 1024, $"{attribute.Name} is inline");
    }

    [Fact]
    public async Task BulkDataURIs_are_built_from_the_requests_own_host_and_the_ETag_follows_it()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        var path = WadoServer.InstancePath(stored) + "/metadata";
        var response = await corpus.Wado.GetAsync(path, configure: r => r.Headers.Host = "pacs.example.org:4443");
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("http://pacs.example.org:4443" + WadoServer.InstancePath(stored) + "/bulkdata/7FE00010",
            json.RootElement[0].GetProperty("7FE00010").GetProperty("BulkDataURI").GetString());
        // Another base URL is another representation: the tag must differ, and the cache must not mix them up.
        var direct = await corpus.Wado.GetAsync(path);
        Assert.NotEqual(response.Headers.ETag!.Tag, direct.Headers.ETag!.Tag);
        Assert.DoesNotContain("pacs.example.org", await direct.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_threshold_is_configurable()
    {
        await using var wado = await WadoServer.StartAsync(new Dictionary<string, string?> { ["Plugins:DicomWeb:Wado:MetadataBulkDataThreshold"] = "4" });
        var stored = await wado.StoreAsync(CorpusFiles.PathOf("test_files/CT_small.dcm"));
        var text = await (await wado.GetAsync(WadoServer.InstancePath(stored) + "/metadata")).Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        // (0043,1028) is an 80-byte private OB in CT_small: inline by default, above 4 bytes, so a URI now.
        Assert.True(json.RootElement[0].GetProperty("00431028").TryGetProperty("BulkDataURI", out _));
        var binaries = json.RootElement[0].EnumerateObject().Where(a => a.Value.GetProperty("vr").GetString() is "OB" or "OW" or "UN").ToList();
        Assert.NotEmpty(binaries);
        Assert.All(binaries, a => Assert.True(a.Value.TryGetProperty("BulkDataURI", out _) || !a.Value.TryGetProperty("InlineBinary", out _), a.Name));
    }

    [Fact]
    public async Task Study_and_series_metadata_hold_one_dataset_per_instance_with_a_strong_ETag_and_304()
    {
        var group = corpus.Wado.Stored.Values.Where(r => r.Status == StoreStatus.Stored)
            .GroupBy(r => (r.StudyInstanceUid, r.SeriesInstanceUid)).OrderByDescending(g => g.Count()).First().ToList();
        var path = $"/dicom-web/studies/{group[0].StudyInstanceUid}/series/{group[0].SeriesInstanceUid}/metadata";
        var response = await corpus.Wado.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(group.Select(r => r.SopInstanceUid).Order(), json.RootElement.EnumerateArray().Select(d => d.GetProperty("00080018").GetProperty("Value")[0].GetString()).Order());
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);

        var again = await corpus.Wado.GetAsync(path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag.Tag, again.Headers.ETag!.Tag);

        var other = await corpus.Wado.GetAsync(path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_ETag_changes_when_the_stored_set_changes()
    {
        await using var wado = await WadoServer.StartAsync();
        var first = await wado.StoreAsync(CorpusFiles.PathOf("test_files/dicomdirtests/98892003/MR2/4950"));
        var path = $"/dicom-web/studies/{first.StudyInstanceUid}/series/{first.SeriesInstanceUid}/metadata";
        var before = (await wado.GetAsync(path)).Headers.ETag!.Tag;
        Assert.Equal(before, (await wado.GetAsync(path)).Headers.ETag!.Tag);
        var second = await wado.StoreAsync(CorpusFiles.PathOf("test_files/dicomdirtests/98892003/MR2/4981"));
        Assert.Equal(first.SeriesInstanceUid, second.SeriesInstanceUid);
        var after = await wado.GetAsync(path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", before));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("application/dicom+xml")]
    [InlineData("multipart/related; type=\"application/dicom+xml\"")]
    [InlineData("image/png")]
    public async Task Unservable_accept_is_406(string accept)
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/metadata", accept), HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Unknown_and_malformed_bulkdata_paths_are_404_and_400()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        var instance = WadoServer.InstancePath(stored);
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(instance + "/bulkdata/00091234"), HttpStatusCode.NotFound);
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(instance + "/bulkdata/00081110/7/00081150"), HttpStatusCode.NotFound);
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(instance + "/bulkdata/7FE0001"), HttpStatusCode.BadRequest);
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(instance + "/bulkdata/00081110/x/00081150"), HttpStatusCode.BadRequest);
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(instance + "/bulkdata/..%2F..%2Fetc"), HttpStatusCode.BadRequest);
    }

    /// <summary>Every BulkDataURI in ours, with the attribute at the same place in dcm2json's output.</summary>
    private static void CollectBulk(JsonElement ours, JsonElement reference, List<(string, JsonElement)> found)
    {
        foreach (var attribute in ours.EnumerateObject())
        {
            var theirs = reference.GetProperty(attribute.Name);
            if (attribute.Value.TryGetProperty("BulkDataURI", out var uri)) found.Add((uri.GetString()!, theirs));
            else if (attribute.Value.GetProperty("vr").GetString() == "SQ" && attribute.Value.TryGetProperty("Value", out var items))
                for (int i = 0; i < items.GetArrayLength(); i++) CollectBulk(items[i], theirs.GetProperty("Value")[i], found);
        }
    }
}
