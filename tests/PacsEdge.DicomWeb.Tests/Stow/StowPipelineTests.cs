using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using static PacsEdge.DicomWeb.Tests.Stow.StowClient;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>
/// Parts stored concurrently while later parts are read must answer exactly as parts stored one by one: the same
/// response in part order (stored, failed and already-stored parts mixed), the same instances indexed, whether a part
/// fits its in-memory buffer or is larger and stored before reading on.
/// </summary>
public sealed class StowPipelineTests
{
    private static byte[] MixedBody()
    {
        var ct = Corpus("CT_small.dcm");
        var ecg = Corpus("waveform_ecg.dcm"); // 291 KB: larger than the 64 KiB part buffer below
        return Body(
            ("application/dicom", Corpus("MR_small.dcm")),
            ("application/dicom", "not a DICOM file"u8.ToArray()),
            ("application/dicom", ecg),
            ("application/dicom", ct),
            ("application/dicom", ct[..(ct.Length / 2)]),
            ("application/dicom", Corpus("rtstruct.dcm")),
            ("application/dicom", ct),
            ("application/dicom", Corpus("SC_rgb_rle.dcm")));
    }

    private static async Task<(HttpStatusCode Status, string Response, string[] Instances)> StoreAsync(int concurrency, long partBuffer)
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Plugins:DicomWeb:StowConcurrency"] = concurrency.ToString(),
            ["Plugins:DicomWeb:StowPartBufferBytes"] = partBuffer.ToString(),
        });
        var (response, json) = await PostAsync(server.Client, "/dicom-web/studies", MixedBody());
        var origin = server.Client.BaseAddress!.ToString().TrimEnd('/');
        var index = server.App.Services.GetRequiredService<IDicomIndex>();
        var rows = (await index.QueryAsync(new IndexQuery(QueryLevel.Instance) { Limit = 1000 })).Rows;
        return (response.StatusCode, json.GetRawText().Replace(origin, "ORIGIN"),
            [.. rows.Select(r => r[PacsEdge.Dicom.DicomTags.SOPInstanceUID]!).Order()]);
    }

    [Fact]
    public async Task Concurrent_and_one_by_one_stores_give_the_same_ordered_answer_and_the_same_instances()
    {
        var oneByOne = await StoreAsync(concurrency: 1, partBuffer: 4 * 1024 * 1024);
        var concurrent = await StoreAsync(concurrency: 8, partBuffer: 4 * 1024 * 1024);
        var smallBuffers = await StoreAsync(concurrency: 8, partBuffer: 64 * 1024);

        Assert.Equal(HttpStatusCode.Accepted, oneByOne.Status); // two parts fail, one is a duplicate warning
        Assert.Equal(5, oneByOne.Instances.Length);
        foreach (var other in new[] { concurrent, smallBuffers })
        {
            Assert.Equal(oneByOne.Status, other.Status);
            Assert.Equal(oneByOne.Response, other.Response);
            Assert.Equal(oneByOne.Instances, other.Instances);
        }
    }
}
