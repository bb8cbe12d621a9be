using System.Net;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

public sealed class FramesTests(CorpusServerFixture corpus) : IClassFixture<CorpusServerFixture>
{
    private const string OctetAsStored = "multipart/related; type=application/octet-stream; transfer-syntax=*";
    private const string Uncompressed = "multipart/related; type=\"application/octet-stream\"";

    [Theory]
    [InlineData("test_files/rtdose.dcm", "1,3,15")]
    [InlineData("test_files/rtdose.dcm", "2")]
    [InlineData("test_files/MR_small_bigendian.dcm", "1")]
    [InlineData("test_files/CT_small.dcm", "1")]
    [InlineData("test_files/SC_rgb_jpeg_dcmd.dcm", "1")]
    public async Task Native_frames_are_octet_stream_parts_equal_to_pydicoms(string name, string list)
    {
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(WadoServer.ConsistentCopy(CorpusFiles.PathOf(name)), name);
        Assert.Equal(StoreStatus.Stored, stored.Status);
        var expected = PydicomFrames.Frames(CorpusFiles.PathOf(name), "native");
        foreach (var accept in new[] { OctetAsStored, Uncompressed, null, "multipart/related; type=application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1" })
        {
            var response = await wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/" + list, accept);
            Assert.Equal("application/octet-stream", MediaType.Parse(response.Content.Headers.ContentType!.ToString()).RelatedType);
            var parts = await WadoServer.ReadPartsAsync(response);
            var numbers = list.Split(',').Select(int.Parse).ToList();
            Assert.Equal(numbers.Count, parts.Count);
            for (int i = 0; i < numbers.Count; i++)
            {
                var type = MediaType.Parse(parts[i].ContentType);
                Assert.True(type.Is("application/octet-stream"));
                Assert.Equal("1.2.840.10008.1.2.1", type.TransferSyntax);
                Assert.Equal(expected[numbers[i] - 1], parts[i].Body);
            }
        }
    }

    [Theory]
    [InlineData("test_files/rtdose_rle.dcm", "1,2,15", "image/dicom-rle")]
    [InlineData("test_files/SC_rgb_rle_2frame.dcm", "2,1", "image/dicom-rle")]
    [InlineData("test_files/693_J2KI.dcm", "1", "image/jp2")]
    [InlineData("test_files/JPGExtended.dcm", "1", "image/jpeg")]
    [InlineData("test_files/SC_rgb_jpeg_gdcm.dcm", "1", "image/jpeg")]
    [InlineData("test_files/MR_small_jpeg_ls_lossless.dcm", "1", "image/jls")]
    public async Task Encapsulated_frames_keep_their_stored_bytes(string name, string list, string mediaType)
    {
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(CorpusFiles.PathOf(name));
        Assert.Equal(StoreStatus.Stored, stored.Status);
        var expected = PydicomFrames.Frames(CorpusFiles.PathOf(name), "encapsulated");
        var numbers = list.Split(',').Select(int.Parse).ToList();
        var path = WadoServer.InstancePath(stored) + "/frames/" + list;

        // OHIF's Accept: the stored bytes, labelled octet-stream with the stored transfer syntax.
        var parts = await WadoServer.ReadPartsAsync(await wado.GetAsync(path, OctetAsStored));
        Assert.Equal(numbers.Select(n => expected[n - 1]), parts.Select(p => p.Body));
        Assert.All(parts, p => { var t = MediaType.Parse(p.ContentType); Assert.True(t.Is("application/octet-stream")); Assert.Equal(TsOf(name), t.TransferSyntax); });

        // The image type of Table 8.7.3-5, quoted or not, with or without transfer-syntax.
        foreach (var accept in new[] { $"multipart/related; type=\"{mediaType}\"", $"multipart/related; type={mediaType}; transfer-syntax={TsOf(name)}", "*/*" })
        {
            var typed = await WadoServer.ReadPartsAsync(await wado.GetAsync(path, accept));
            Assert.Equal(numbers.Select(n => expected[n - 1]), typed.Select(p => p.Body));
            Assert.All(typed, p => Assert.True(MediaType.Parse(p.ContentType).Is(mediaType), p.ContentType));
        }
    }

    [Theory]
    [InlineData("test_files/rtdose_rle.dcm", "1,7,15")]
    [InlineData("test_files/SC_rgb_rle_16bit_2frame.dcm", "1,2")]
    public async Task Rle_frames_are_decoded_when_only_uncompressed_is_accepted(string name, string list)
    {
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(CorpusFiles.PathOf(name));
        var expected = PydicomFrames.Frames(CorpusFiles.PathOf(name), "decoded");
        var numbers = list.Split(',').Select(int.Parse).ToList();
        var parts = await WadoServer.ReadPartsAsync(await wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/" + list, Uncompressed));
        Assert.Equal(numbers.Select(n => expected[n - 1]), parts.Select(p => p.Body));
        Assert.All(parts, p => Assert.Equal("1.2.840.10008.1.2.1", MediaType.Parse(p.ContentType).TransferSyntax));
    }

    [Theory]
    [InlineData("test_files/693_J2KI.dcm", "multipart/related; type=application/octet-stream")]
    [InlineData("test_files/693_J2KI.dcm", "multipart/related; type=image/jpeg")]
    [InlineData("test_files/CT_small.dcm", "multipart/related; type=image/jpeg")]
    [InlineData("test_files/CT_small.dcm", "application/dicom+json")]
    [InlineData("test_files/CT_small.dcm", "multipart/related; type=application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.50")]
    public async Task Unservable_frame_types_are_406(string name, string accept)
    {
        var stored = corpus.StoredAsIs(name)!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/1", accept), HttpStatusCode.NotAcceptable);
    }

    [Theory]
    [InlineData("2", HttpStatusCode.NotFound)]
    [InlineData("1,2", HttpStatusCode.NotFound)]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("1,,2", HttpStatusCode.BadRequest)]
    [InlineData("1-3", HttpStatusCode.BadRequest)]
    [InlineData("-1", HttpStatusCode.BadRequest)]
    [InlineData("99999999999", HttpStatusCode.BadRequest)]
    [InlineData("a", HttpStatusCode.BadRequest)]
    public async Task Bad_frame_lists_are_400_and_frames_out_of_range_404(string list, HttpStatusCode status)
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/" + list), status);
    }

    [Fact]
    public async Task Frames_of_an_instance_without_pixel_data_are_404()
    {
        var stored = new[] { "test_files/reportsi.dcm", "test_files/test-SR.dcm", "test_files/rtplan.dcm", "test_files/waveform_ecg.dcm" }
            .Select(corpus.StoredAsIs).First(r => r is not null)!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored) + "/frames/1"), HttpStatusCode.NotFound);
    }

    private static string TsOf(string name) =>
        PacsEdge.Dicom.IO.DicomFileReader.Read(CorpusFiles.PathOf(name), PacsEdge.Dicom.IO.DicomReaderOptions.UntilPixelData).TransferSyntax.Uid;
}
