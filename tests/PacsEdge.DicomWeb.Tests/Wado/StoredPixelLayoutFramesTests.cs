using System.Net;
using System.Text.Json;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

/// <summary>
/// Frames whose size is not Rows x Columns x SamplesPerPixel (native YBR_FULL_422), and stored files whose Pixel Data
/// is too short for their frames: the first is served byte for byte, the second is a StoredInstanceUnreadable
/// problem (409) that says why, never a bare 500.
/// </summary>
public sealed class StoredPixelLayoutFramesTests
{
    private const string Name = "test_files/SC_ybr_full_422_uncompressed.dcm";

    [Fact]
    public async Task Native_YBR_FULL_422_frame_is_200_with_pydicoms_20000_bytes()
    {
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(CorpusFiles.PathOf(Name));
        Assert.Equal(StoreStatus.Stored, stored.Status);
        var expected = Assert.Single(PydicomFrames.Frames(CorpusFiles.PathOf(Name), "native"));
        Assert.Equal(100 * 100 * 2, expected.Length);

        var response = await wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/1", "multipart/related; type=application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var part = Assert.Single(await WadoServer.ReadPartsAsync(response));
        Assert.Equal(expected, part.Body);
    }

    [Fact]
    public async Task Pixel_data_too_short_for_its_frames_is_a_409_problem_naming_the_cause_and_the_server_keeps_serving()
    {
        // CT_small with Number of Frames 2 but one frame's Pixel Data: the store keeps it, frame 2 cannot exist.
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/CT_small.dcm"));
        file.Dataset.AddOrReplaceString(DicomTags.NumberOfFrames, DicomVR.IS, "2");
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(DicomFileWriter.ToBytes(file), "short");
        Assert.Equal(StoreStatus.Stored, stored.Status);

        foreach (var accept in new[] { "multipart/related; type=application/octet-stream; transfer-syntax=*", null })
        {
            var response = await wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/2", accept);
            await WadoServer.AssertProblemAsync(response, HttpStatusCode.Conflict);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("urn:pacsedge:problem:stored-instance-unreadable", problem.RootElement.GetProperty("type").GetString());
            Assert.Contains("Pixel Data holds", problem.RootElement.GetProperty("detail").GetString());
        }
        var first = await wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }
}
