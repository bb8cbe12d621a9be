using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Json;

namespace PacsEdge.Dicom.Tests.Json;

public class DicomJsonReaderTests
{
    [Fact]
    public void Person_name_objects_become_equals_joined_groups()
    {
        var ds = DicomJsonReader.Read("""
            {"00080005":{"vr":"CS","Value":["ISO_IR 192"]},
             "00100010":{"vr":"PN","Value":[{"Alphabetic":"Yamada^Tarou","Phonetic":"やまだ^たろう"},{"Ideographic":"山田"},null]}}
            """);
        Assert.Equal("Yamada^Tarou==やまだ^たろう\\=山田\\", ds.GetText(DicomTags.PatientName));
        // UTF-8 bytes because (0008,0005) says ISO_IR 192, even though it sorts first only by tag.
        Assert.Equal("Yamada^Tarou==やまだ^たろう\\=山田\\"u8.ToArray(), ((DicomElement)ds.Get(DicomTags.PatientName)!).Span.ToArray());
    }

    [Fact]
    public void Numbers_go_back_to_binary_and_to_is_ds_text()
    {
        var ds = DicomJsonReader.Read("""
            {"00280010":{"vr":"US","Value":[512]},"00280106":{"vr":"SS","Value":[-2]},
             "00280030":{"vr":"DS","Value":[0.5,"1.25"]},"00200013":{"vr":"IS","Value":[12]},
             "00181063":{"vr":"FD","Value":[0.1]},"00280009":{"vr":"AT","Value":["00181063"]}}
            """);
        Assert.Equal(new byte[] { 0, 2 }, ((DicomElement)ds.Get(DicomTags.Rows)!).Span.ToArray());
        Assert.Equal(new byte[] { 0xFE, 0xFF }, ((DicomElement)ds.Get(DicomTags.SmallestImagePixelValue)!).Span.ToArray());
        Assert.Equal("0.5\\1.25", ds.GetText(DicomTags.PixelSpacing));
        Assert.Equal("12", ds.GetText(DicomTags.InstanceNumber));
        Assert.Equal(0.1, ds.GetNumbers(DicomTags.FrameTime)[0]);
        Assert.Equal(new byte[] { 0x18, 0, 0x63, 0x10 }, ((DicomElement)ds.Get(DicomTags.FrameIncrementPointer)!).Span.ToArray());
    }

    [Fact]
    public void Nested_sequences_and_empty_attributes_are_read()
    {
        var ds = DicomJsonReader.Read("""
            {"00081140":{"vr":"SQ","Value":[{},{"00081155":{"vr":"UI","Value":["1.2.3"]},
               "00283010":{"vr":"SQ","Value":[{"00283006":{"vr":"OW","InlineBinary":"AQID"}}]}}]},
             "00080050":{"vr":"SH"}}
            """);
        var sq = Assert.IsType<DicomSequence>(ds.Get(DicomTags.ReferencedImageSequence));
        Assert.Equal(2, sq.Items.Count);
        Assert.Equal(0, sq.Items[0].Count);
        Assert.Equal("1.2.3", sq.Items[1].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal(new byte[] { 0x31, 0x2E, 0x32, 0x2E, 0x33, 0 }, ((DicomElement)sq.Items[1].Get(DicomTags.ReferencedSOPInstanceUID)!).Span.ToArray());
        var lut = sq.Items[1].Get(DicomTags.VOILUTSequence) as DicomSequence;
        Assert.Equal(new byte[] { 1, 2, 3 }, ((DicomElement)lut!.Items[0].Get(DicomTags.LUTData)!).Span.ToArray());
        Assert.Equal(0, ((DicomElement)ds.Get(DicomTags.AccessionNumber)!).Length);
    }

    [Fact]
    public void Bulk_data_uris_are_resolved_by_the_hook_or_kept_as_references()
    {
        const string json = """{"7FE00010":{"vr":"OW","BulkDataURI":"http://x/bulkdata/7FE00010"}}""";
        var kept = DicomJsonReader.Read(json);
        var reference = Assert.IsType<DicomJsonBulkDataReference>(((DicomElement)kept.Get(DicomTags.PixelData)!).Value);
        Assert.Equal("http://x/bulkdata/7FE00010", reference.Uri);
        Assert.Equal(DicomTags.PixelData, reference.Path.Tag);
        Assert.Throws<DicomFormatException>(() => reference.Memory);
        Assert.Contains("\"BulkDataURI\":\"http://x/bulkdata/7FE00010\"", DicomJsonWriter.ToJson(kept));

        var resolved = DicomJsonReader.Read(json, new DicomJsonReaderOptions
        {
            ResolveBulkData = r => r.Uri.EndsWith("7FE00010", StringComparison.Ordinal) ? new MemoryByteSource(new byte[] { 9, 8 }) : null,
        });
        Assert.Equal(new byte[] { 9, 8 }, ((DicomElement)resolved.Get(DicomTags.PixelData)!).Span.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"0010001\":{\"vr\":\"PN\"}}")]
    [InlineData("{\"0010001G\":{\"vr\":\"PN\"}}")]
    [InlineData("{\"00100010\":{\"vr\":\"XX\"}}")]
    [InlineData("{\"00100010\":{\"Value\":[]}}")]
    [InlineData("{\"00100010\":[]}")]
    [InlineData("{\"00100010\":{\"vr\":\"PN\",\"Value\":[\"Doe\"]}}")]
    [InlineData("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Foo\":\"x\"}]}}")]
    [InlineData("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"a=b\"}]}}")]
    [InlineData("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}")]
    [InlineData("{\"00280010\":{\"vr\":\"US\",\"Value\":[1.5]}}")]
    [InlineData("{\"00280010\":{\"vr\":\"US\",\"Value\":[null]}}")]
    [InlineData("{\"00280010\":{\"vr\":\"US\",\"Value\":\"512\"}}")]
    [InlineData("{\"00200013\":{\"vr\":\"IS\",\"Value\":[1.5]}}")]
    [InlineData("{\"00200013\":{\"vr\":\"IS\",\"Value\":[true]}}")]
    [InlineData("{\"00181063\":{\"vr\":\"FL\",\"Value\":[1e300]}}")]
    [InlineData("{\"00181063\":{\"vr\":\"FD\",\"Value\":[\"nan\"]}}")]
    [InlineData("{\"00280009\":{\"vr\":\"AT\",\"Value\":[\"0018106\"]}}")]
    [InlineData("{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"***\"}}")]
    [InlineData("{\"7FE00010\":{\"vr\":\"OW\",\"Value\":[1]}}")]
    [InlineData("{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"AA==\",\"BulkDataURI\":\"x\"}}")]
    [InlineData("{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":5}}")]
    [InlineData("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[1]}}")]
    [InlineData("{\"00081140\":{\"vr\":\"SQ\",\"InlineBinary\":\"AA==\"}}")]
    [InlineData("{\"00100010\":{\"vr\":\"PN\",\"extra\":1}}")]
    [InlineData("{\"00100010\":{\"vr\":\"PN\"},\"00100010\":{\"vr\":\"PN\"}}")]
    [InlineData("{\"00104000\":{\"vr\":\"LT\",\"Value\":[\"a\",\"b\"]}}")]
    public void Bad_input_throws_the_typed_exception_only(string json)
    {
        var e = Record.Exception(() => DicomJsonReader.Read(json));
        Assert.IsType<DicomFormatException>(e);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[", 80)) + "{}" + string.Concat(Enumerable.Repeat("]}}", 80));
        Assert.Throws<DicomFormatException>(() => DicomJsonReader.Read(json));
        var shallow = DicomJsonReader.Read(json, new DicomJsonReaderOptions { MaxSequenceDepth = 100 });
        Assert.IsType<DicomSequence>(shallow.Get(DicomTags.ReferencedImageSequence));
    }
}
