using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using static PacsEdge.DicomWeb.Tests.Stow.StowClient;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>A large upload streams through in bounded memory; a real external client (curl) can store.</summary>
public sealed class StowStreamingTests
{
    [Fact]
    public async Task A_300_MB_request_is_stored_in_bounded_managed_memory()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/dicom-web/studies", DicomBody(Corpus("MR_small.dcm")))).Response.StatusCode); // warm-up
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        var content = new GeneratedStudyContent(300L * 1024 * 1024);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(10, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicom-web/studies") { Content = content };
        var response = await client.SendAsync(request);
        sampling.Cancel();
        await sampler;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Buffering the 300 MB (or a part of it) would show here; the bounds leave room for GC timing and Kestrel's pools.
        Assert.True(peak - before < 128L * 1024 * 1024, $"managed memory peaked {(peak - before) / 1048576} MiB above the baseline");
        Assert.True(after - before < 32L * 1024 * 1024, $"managed memory grew {(after - before) / 1048576} MiB");
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - workingSetBefore < 256L * 1024 * 1024, "the working set grew by more than 256 MiB");

        var index = server.App.Services.GetRequiredService<IDicomIndex>();
        var stored = Assert.Single(await index.GetInstancesAsync(HierarchyPath.Study(content.StudyInstanceUid)), i => i.Path.SopInstanceUid == content.SopInstanceUid);
        Assert.Equal(content.InstanceLength, stored.SizeBytes);
        Assert.Equal(content.Sha256, stored.Sha256, ignoreCase: true);
    }

    [Fact]
    public async Task Curl_posts_a_multipart_file_and_gets_the_response_module()
    {
        await using var server = await InProcessServer.StartAsync();
        using var temp = new TempDirectory();
        var bodyPath = temp.Combine("body.bin");
        File.WriteAllBytes(bodyPath, DicomBody(Corpus("CT_small.dcm"), Corpus("liver_1frame.dcm")));
        var url = new Uri(server.Client.BaseAddress!, "/dicom-web/studies").ToString();
        var result = ExternalTool.RunChecked("curl", ["-sS", "-X", "POST", "--data-binary", "@" + bodyPath,
            "-H", $"Content-Type: multipart/related; type=application/dicom; boundary={Boundary}", "-H", "Accept: application/dicom+json",
            "-o", temp.Combine("response.json"), "-w", "%{http_code} %{content_type}", url], timeoutMs: 60_000);
        Assert.Equal("200 application/dicom+json", result.StdOut.Trim());
        var json = JsonDocument.Parse(File.ReadAllText(temp.Combine("response.json"))).RootElement;
        var sops = Items(json, ReferencedSops).Select(i => String(i, SopInstance)).ToArray();
        var expected = new[] { "CT_small.dcm", "liver_1frame.dcm" }.Select(n => DicomFileReader.Read(Corpus(n)).Dataset.GetString(DicomTags.SOPInstanceUID)).ToArray();
        Assert.Equal(expected, sops);
    }
}
