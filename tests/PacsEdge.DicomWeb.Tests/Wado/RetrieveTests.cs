using System.Net;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Wado;

public sealed class RetrieveTests(CorpusServerFixture corpus) : IClassFixture<CorpusServerFixture>
{
    private const string AsStored = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private const string ExplicitLE = "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1";

    public static TheoryData<string> Corpus() => CorpusFiles.Names();

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Retrieve_instance_as_stored_gives_the_stored_bytes(string name)
    {
        var stored = corpus.StoredAsIs(name);
        if (stored is null) return; // not storable (not DICOM, no UIDs) or a second file with the same SOP Instance UID
        var original = await File.ReadAllBytesAsync(CorpusFiles.PathOf(name));
        foreach (var accept in new[] { AsStored, null, "multipart/related; type=application/dicom; transfer-syntax=*", "*/*" })
        {
            var parts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), accept));
            var part = Assert.Single(parts);
            Assert.Equal(WadoServer.Sha256(original), WadoServer.Sha256(part.Body));
            var type = MediaType.Parse(part.ContentType);
            Assert.True(type.Is("application/dicom"));
            Assert.Equal(DicomFileReader.Read(original, DicomReaderOptions.UntilPixelData).TransferSyntax.Uid, type.TransferSyntax);
        }
    }

    [Fact]
    public async Task Retrieve_study_and_series_stream_every_instance_byte_identical()
    {
        // The corpus study with the most series (a DICOMDIR test set).
        var inStudy = corpus.Wado.Stored.Where(kv => kv.Value.Status == StoreStatus.Stored)
            .GroupBy(kv => kv.Value.StudyInstanceUid).OrderByDescending(g => g.Select(kv => kv.Value.SeriesInstanceUid).Distinct().Count()).ThenByDescending(g => g.Count()).First().ToList();
        Assert.True(inStudy.Count >= 10);
        var study = inStudy[0].Value.StudyInstanceUid;
        var expected = inStudy.Select(kv => WadoServer.Sha256(File.ReadAllBytes(kv.Key))).Order().ToList();

        var parts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync($"/dicom-web/studies/{study}", AsStored));
        Assert.Equal(expected, parts.Select(p => WadoServer.Sha256(p.Body)).Order().ToList());

        var series = inStudy[0].Value.SeriesInstanceUid;
        var inSeries = inStudy.Where(kv => kv.Value.SeriesInstanceUid == series).Select(kv => WadoServer.Sha256(File.ReadAllBytes(kv.Key))).Order().ToList();
        var seriesParts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync($"/dicom-web/studies/{study}/series/{series}", AsStored));
        Assert.Equal(inSeries, seriesParts.Select(p => WadoServer.Sha256(p.Body)).Order().ToList());
    }

    [Theory]
    [InlineData("test_files/MR_small_implicit.dcm")]
    [InlineData("test_files/MR_small_bigendian.dcm")]
    [InlineData("test_files/image_dfl.dcm")]
    [InlineData("test_files/rtdose.dcm")]
    [InlineData("test_files/liver_expb_1frame.dcm")]
    [InlineData("test_files/SC_rgb_jpeg_dcmd.dcm")]
    public async Task Explicit_VR_little_endian_is_a_transcoding_of_an_uncompressed_instance(string name)
    {
        await using var wado = await WadoServer.StartAsync();
        var stored = await wado.StoreAsync(WadoServer.ConsistentCopy(CorpusFiles.PathOf(name)), name);
        Assert.Equal(StoreStatus.Stored, stored.Status);

        var parts = await WadoServer.ReadPartsAsync(await wado.GetAsync(WadoServer.InstancePath(stored), ExplicitLE));
        var part = Assert.Single(parts);
        Assert.Equal("1.2.840.10008.1.2.1", MediaType.Parse(part.ContentType).TransferSyntax);

        using var temp = new TempDirectory();
        var path = temp.Combine("out.dcm");
        await File.WriteAllBytesAsync(path, part.Body);
        var dump = ExternalTool.Run("dcmdump", ["-M", path], 30_000);
        Assert.True(dump.ExitCode == 0, dump.StdErr);
        Assert.Contains("=LittleEndianExplicit", dump.StdOut);

        var original = DicomFileReader.Read(CorpusFiles.PathOf(name));
        var transcoded = DicomFileReader.Read(part.Body);
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian, transcoded.TransferSyntax);
        Assert.Null(DatasetComparer.FirstDifference(original.Dataset, transcoded.Dataset, compareVR: original.TransferSyntax.IsExplicitVR));
    }

    [Fact]
    public async Task Explicit_VR_little_endian_of_a_stored_explicit_file_is_the_stored_bytes()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        var part = Assert.Single(await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), ExplicitLE)));
        Assert.Equal(await File.ReadAllBytesAsync(CorpusFiles.PathOf("test_files/CT_small.dcm")), part.Body);
    }

    [Fact]
    public async Task A_compressed_instance_asked_only_uncompressed_is_406()
    {
        var stored = corpus.StoredAsIs("test_files/693_J2KI.dcm")!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), ExplicitLE), HttpStatusCode.NotAcceptable);
        // With a lower-weighted fallback the stored form is served.
        var parts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), ExplicitLE + ", " + AsStored + ";q=0.5"));
        Assert.Equal("1.2.840.10008.1.2.4.91", MediaType.Parse(Assert.Single(parts).ContentType).TransferSyntax);
    }

    [Fact]
    public async Task A_mixed_study_asked_uncompressed_is_206_with_the_convertible_instances()
    {
        await using var wado = await WadoServer.StartAsync();
        var study = "1.2.826.0.1.3680043.8.498.1001";
        var implicitFile = WithStudy("test_files/MR_small_implicit.dcm", study, "1.2.826.0.1.3680043.8.498.1002");
        var jpegFile = WithStudy("test_files/JPEG2000.dcm", study, "1.2.826.0.1.3680043.8.498.1003");
        Assert.Equal(StoreStatus.Stored, (await wado.StoreAsync(implicitFile, "implicit")).Status);
        Assert.Equal(StoreStatus.Stored, (await wado.StoreAsync(jpegFile, "jpeg")).Status);

        var response = await wado.GetAsync($"/dicom-web/studies/{study}", ExplicitLE);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Contains("1 of 2 instances", string.Join(" ", response.Headers.GetValues("Warning")));
        var reader = MultipartReader.ForContentType(await response.Content.ReadAsStreamAsync(), response.Content.Headers.ContentType!.ToString());
        var part = (await reader.ReadNextPartAsync())!;
        Assert.Equal("1.2.840.10008.1.2.1", part.ParseContentType()!.TransferSyntax);
        Assert.Null(await reader.ReadNextPartAsync());

        var all = await WadoServer.ReadPartsAsync(await wado.GetAsync($"/dicom-web/studies/{study}", AsStored));
        Assert.Equal(new[] { implicitFile, jpegFile }.Select(WadoServer.Sha256).Order(), all.Select(p => WadoServer.Sha256(p.Body)).Order());
    }

    [Theory]
    [InlineData("application/zip")]
    [InlineData("multipart/related; type=\"application/zip\"")]
    [InlineData("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50")]
    [InlineData("application/dicom+json")]
    [InlineData("multipart/related; type=\"application/dicom\"; q=0")]
    public async Task Unservable_accept_is_406(string accept)
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), accept), HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Q_values_pick_the_best_servable_range()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        var parts = await WadoServer.ReadPartsAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored),
            "application/zip;q=1, multipart/related; type=application/dicom; transfer-syntax=1.2.840.10008.1.2.1; q=0.8"));
        Assert.Single(parts);
    }

    [Fact]
    public async Task A_malformed_accept_header_is_400()
    {
        var stored = corpus.StoredAsIs("test_files/CT_small.dcm")!;
        await WadoServer.AssertProblemAsync(await corpus.Wado.GetAsync(WadoServer.InstancePath(stored), "multipart/related; type=\"unterminated"), HttpStatusCode.BadRequest);
    }

    private static byte[] WithStudy(string name, string study, string sop)
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf(name));
        file.Dataset.AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, study);
        file.Dataset.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
        file.FileMetaInformation.AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sop);
        return DicomFileWriter.ToBytes(file);
    }
}
