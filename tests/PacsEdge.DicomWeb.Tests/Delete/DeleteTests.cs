using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.DicomWeb.Tests.Rendered;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Delete;

/// <summary>DELETE of instances, series and studies over real HTTP: rows and files go, everything else stays.</summary>
public sealed class DeleteTests
{
    private const string Study = "1.2.826.0.1.3680043.8.498.777.1";

    /// <summary>One study of two series (A: two instances, B: one) made from MR_small by dcmodify, plus CT_small as another study.</summary>
    private sealed record Fixture(InProcessServer Server, TempDirectory Dir, StoreResult A1, StoreResult A2, StoreResult B1, StoreResult Other, string A1Path) : IAsyncDisposable
    {
        public StoreResult[] Study => [A1, A2, B1];

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Dir.Dispose();
        }
    }

    private static async Task<Fixture> StartAsync()
    {
        var dir = new TempDirectory();
        var server = await RenderingServer.StartAsync();
        string Variant(string name, string series, string sop)
        {
            var path = dir.Combine(name);
            File.Copy(CorpusFiles.PathOf("test_files/MR_small.dcm"), path);
            var r = ExternalTool.Run("dcmodify", ["-nb", "-m", $"(0020,000d)={Study}", "-m", $"(0020,000e)={series}", "-m", $"(0008,0018)={sop}", path]);
            Assert.True(r.ExitCode == 0, r.StdErr);
            return path;
        }
        var a1 = Variant("a1.dcm", Study + ".1", Study + ".1.1");
        return new Fixture(server, dir,
            await server.StoreAsync(a1),
            await server.StoreAsync(Variant("a2.dcm", Study + ".1", Study + ".1.2")),
            await server.StoreAsync(Variant("b1.dcm", Study + ".2", Study + ".2.1")),
            await server.StoreCorpusAsync("CT_small.dcm"),
            a1);
    }

    private static Task<IReadOnlyList<StoredInstance>> InstancesAsync(InProcessServer server, StoreResult r) =>
        server.App.Services.GetRequiredService<IDicomIndex>().GetInstancesAsync(HierarchyPath.Instance(r.StudyInstanceUid!, r.SeriesInstanceUid!, r.SopInstanceUid!));

    /// <summary>Whether any file under the data directory's blobs/ carries this instance's blob key.</summary>
    private static bool BlobExists(InProcessServer server, StoreResult r) =>
        Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "blobs"), "*", SearchOption.AllDirectories)
            .Any(f => Path.GetFileName(f).Contains(r.BlobKey!, StringComparison.OrdinalIgnoreCase));

    private static async Task AssertStoredAsync(Fixture f, params StoreResult[] results)
    {
        foreach (var r in results)
        {
            Assert.Single(await InstancesAsync(f.Server, r));
            Assert.True(BlobExists(f.Server, r), $"the file of {r.SopInstanceUid} is gone");
            using var rendered = await f.Server.GetAsync(r.InstanceUrl() + "/rendered", null);
            Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        }
    }

    private static async Task AssertGoneAsync(Fixture f, params StoreResult[] results)
    {
        foreach (var r in results)
        {
            Assert.Empty(await InstancesAsync(f.Server, r));
            Assert.False(BlobExists(f.Server, r), $"the file of {r.SopInstanceUid} is still under blobs/");
            using var rendered = await f.Server.GetAsync(r.InstanceUrl() + "/rendered", null);
            Assert.Equal(HttpStatusCode.NotFound, rendered.StatusCode);
        }
    }

    private static async Task<HttpStatusCode> DeleteAsync(Fixture f, string url)
    {
        using var response = await f.Server.Client.DeleteAsync(url);
        if (response.StatusCode == HttpStatusCode.NotFound)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (response.StatusCode == HttpStatusCode.NoContent)
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        return response.StatusCode;
    }

    [Fact]
    public async Task Deleting_an_instance_removes_its_row_and_file_only_and_a_second_delete_is_404()
    {
        await using var f = await StartAsync();
        await AssertStoredAsync(f, [.. f.Study, f.Other]);

        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(f, f.A1.InstanceUrl()));
        await AssertGoneAsync(f, f.A1);
        await AssertStoredAsync(f, f.A2, f.B1, f.Other);
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(f, f.A1.InstanceUrl()));
    }

    [Fact]
    public async Task An_instance_stores_again_after_its_delete()
    {
        await using var f = await StartAsync();
        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(f, f.A1.InstanceUrl()));
        var again = await f.Server.StoreAsync(f.A1Path);
        Assert.Equal(StoreStatus.Stored, again.Status);
        Assert.Equal(f.A1.BlobKey, again.BlobKey);
        await AssertStoredAsync(f, again);
    }

    [Fact]
    public async Task Deleting_a_series_removes_its_instances_and_leaves_the_other_series()
    {
        await using var f = await StartAsync();
        var series = $"/dicom-web/studies/{Study}/series/{f.A1.SeriesInstanceUid}";
        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(f, series));
        await AssertGoneAsync(f, f.A1, f.A2);
        await AssertStoredAsync(f, f.B1, f.Other);
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(f, series));
        using var thumbnail = await f.Server.GetAsync(series + "/thumbnail", null);
        Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_study_removes_every_instance_and_file_and_leaves_other_studies()
    {
        await using var f = await StartAsync();
        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(f, $"/dicom-web/studies/{Study}"));
        await AssertGoneAsync(f, f.Study);
        Assert.Empty(await f.Server.App.Services.GetRequiredService<IDicomIndex>().GetInstancesAsync(HierarchyPath.Study(Study)));
        await AssertStoredAsync(f, f.Other);
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(f, $"/dicom-web/studies/{Study}"));
    }

    [Theory]
    [InlineData("/dicom-web/studies/1.2.3")]
    [InlineData("/dicom-web/studies/1.2.826.0.1.3680043.8.498.777.1/series/9.9")]
    [InlineData("/dicom-web/studies/1.2.826.0.1.3680043.8.498.777.1/series/1.2.826.0.1.3680043.8.498.777.1.1/instances/9.9")]
    [InlineData("/dicom-web/studies/..%2F..%2Fblobs")]
    [InlineData("/dicom-web/studies/%2E%2E")]
    public async Task Deleting_what_is_not_stored_is_404_and_deletes_nothing(string url)
    {
        await using var f = await StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(f, url));
        await AssertStoredAsync(f, [.. f.Study, f.Other]);
    }

    [Fact]
    public async Task A_series_given_under_another_study_is_not_deleted()
    {
        await using var f = await StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(f, $"/dicom-web/studies/{f.Other.StudyInstanceUid}/series/{f.A1.SeriesInstanceUid}"));
        await AssertStoredAsync(f, [.. f.Study, f.Other]);
    }
}
