using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.DicomWeb.Stow;
using static PacsEdge.DicomWeb.Tests.Stow.StowClient;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>STOW-RS over real Kestrel: what is stored, what the response module says, which status.</summary>
public sealed class StowStoreTests
{
    private static readonly string[] CorpusInstances = ["CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "rtstruct.dcm", "waveform_ecg.dcm", "SC_rgb_rle.dcm", "image_dfl.dcm", "reportsi.dcm", "ExplVR_BigEnd.dcm"];

    [Fact]
    public async Task Corpus_files_in_one_request_are_stored_byte_for_byte_and_indexed()
    {
        await using var server = await InProcessServer.StartAsync();
        var files = CorpusInstances.Select(Corpus).ToArray();
        var (response, json) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(files));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        var referenced = Items(json, ReferencedSops);
        Assert.Equal(files.Length, referenced.Length);
        Assert.Empty(Items(json, FailedSops));

        var index = server.App.Services.GetRequiredService<IDicomIndex>();
        var reader = server.App.Services.GetRequiredService<IInstanceReader>();
        foreach (var (bytes, item) in files.Zip(referenced))
        {
            var ds = DicomFileReader.Read(bytes).Dataset;
            var (study, series, sop) = (ds.GetString(DicomTags.StudyInstanceUID)!, ds.GetString(DicomTags.SeriesInstanceUID)!, ds.GetString(DicomTags.SOPInstanceUID)!);
            Assert.Equal(sop, String(item, SopInstance));
            Assert.Equal(ds.GetString(DicomTags.SOPClassUID), String(item, SopClass));
            Assert.Equal($"{server.Client.BaseAddress!.ToString().TrimEnd('/')}/dicom-web/studies/{study}/series/{series}/instances/{sop}", String(item, RetrieveUrl));
            Assert.False(item.TryGetProperty(WarningReason, out _));

            var stored = Assert.Single(await index.GetInstancesAsync(HierarchyPath.Instance(study, series, sop)));
            await using var stream = await reader.OpenAsync(stored);
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
    }

    [Fact]
    public async Task An_identical_duplicate_is_a_warning_and_other_bytes_under_the_same_uid_fail_with_0111()
    {
        await using var server = await InProcessServer.StartAsync();
        var ct = Corpus("CT_small.dcm");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(server.Client, "/dicom-web/studies", DicomBody(ct))).Response.StatusCode);

        var (again, json) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(ct));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var item = Assert.Single(Items(json, ReferencedSops));
        Assert.Equal(StowWarningReasons.AlreadyStoredIdentical, item.GetProperty(WarningReason).GetProperty("Value")[0].GetUInt16());
        Assert.Equal("US", item.GetProperty(WarningReason).GetProperty("vr").GetString());
        Assert.Contains(again.Headers.GetValues("Warning"), w => w.StartsWith("299 ") && w.Contains("already stored"));

        var changed = (byte[])ct.Clone();
        changed[^1] ^= 0xFF; // a pixel value: same UIDs, other bytes
        var (conflict, failed) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(changed));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var failure = Assert.Single(Items(failed, FailedSops));
        Assert.Equal(0x0111, failure.GetProperty(FailureReason).GetProperty("Value")[0].GetInt32());
        Assert.Equal(DicomFileReader.Read(ct).Dataset.GetString(DicomTags.SOPInstanceUID), String(failure, SopInstance));
        Assert.Empty(Items(failed, ReferencedSops));
    }

    [Fact]
    public async Task Bad_parts_fail_alone_and_the_good_ones_are_stored()
    {
        await using var server = await InProcessServer.StartAsync();
        var mr = Corpus("MR_small.dcm");
        var truncated = Corpus("rtplan.dcm")[..600];
        var body = Body(
            ("application/dicom", Corpus("CT_small.dcm")),
            ("application/dicom", "this is not DICOM at all"u8.ToArray()),
            ("text/plain", mr),
            ("application/dicom", truncated),
            ("application/dicom", mr));
        var (response, json) = await PostAsync(server.Client, "/dicom-web/studies", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, Items(json, ReferencedSops).Length);
        var failed = Items(json, FailedSops);
        Assert.Equal(3, failed.Length);
        Assert.All(failed, f => Assert.Equal(FailureReasonCodes.CannotUnderstand, f.GetProperty(FailureReason).GetProperty("Value")[0].GetUInt16()));
        Assert.Equal(3, response.Headers.GetValues("Warning").Count());
    }

    [Fact]
    public async Task An_instance_outside_the_study_of_the_url_fails_with_A900_and_409_and_RetrieveURL_names_that_study()
    {
        await using var server = await InProcessServer.StartAsync();
        var (response, json) = await PostAsync(server.Client, "/dicom-web/studies/1.2.826.0.1.3680043.2.1125.999", DicomBody(Corpus("CT_small.dcm")));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var failure = Assert.Single(Items(json, FailedSops));
        Assert.Equal(FailureReasonCodes.ReferencedStudyMismatch, failure.GetProperty(FailureReason).GetProperty("Value")[0].GetUInt16());
        Assert.EndsWith("/dicom-web/studies/1.2.826.0.1.3680043.2.1125.999", String(json, RetrieveUrl));

        var study = DicomFileReader.Read(Corpus("CT_small.dcm")).Dataset.GetString(DicomTags.StudyInstanceUID);
        var (ok, _) = await PostAsync(server.Client, $"/dicom-web/studies/{study}", DicomBody(Corpus("CT_small.dcm")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task RetrieveURLs_use_the_origin_a_known_proxy_forwards()
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Server:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicom-web/studies") { Content = Content(DicomBody(Corpus("CT_small.dcm"))) };
        request.Headers.Add("Forwarded", "for=198.51.100.7;proto=https;host=pacs.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/pacs");
        var response = await server.Client.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("https://pacs.example.org/pacs/dicom-web/studies/", String(Assert.Single(Items(json, ReferencedSops)), RetrieveUrl));
    }
}
