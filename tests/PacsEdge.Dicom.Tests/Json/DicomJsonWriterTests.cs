using PacsEdge.Testing;
using System.Text.Json;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Json;

namespace PacsEdge.Dicom.Tests.Json;

public class DicomJsonWriterTests
{
    private static JsonElement Attribute(DicomDataset ds, DicomTag tag, DicomJsonWriterOptions? options = null) =>
        JsonDocument.Parse(DicomJsonWriter.ToJson(ds, options)).RootElement.GetProperty(tag.ToHex());

    [Fact]
    public void Person_name_groups_become_alphabetic_ideographic_phonetic()
    {
        var ds = new DicomDataset();
        ds.AddOrReplaceString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrReplaceString(DicomTags.PatientName, DicomVR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "Doe^John^^^", "=山田", "");
        var values = Attribute(ds, DicomTags.PatientName).GetProperty("Value");
        Assert.Equal("""{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"}""", values[0].GetRawText());
        Assert.Equal("""{"Alphabetic":"Doe^John"}""", values[1].GetRawText()); // trailing empty components dropped
        Assert.Equal("""{"Ideographic":"山田"}""", values[2].GetRawText());   // empty Alphabetic group omitted
        Assert.Equal(JsonValueKind.Null, values[3].ValueKind);
    }

    [Fact]
    public void Empty_values_have_vr_only_and_empty_multi_values_are_null()
    {
        var ds = new DicomDataset();
        ds.AddOrReplaceString(DicomTags.AccessionNumber, DicomVR.SH, "");
        ds.AddOrReplaceString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "", "AXIAL");
        ds.AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OW, []);
        ds.AddOrReplace(new DicomSequence(DicomTags.ReferencedImageSequence));
        Assert.Equal("""{"vr":"SH"}""", Attribute(ds, DicomTags.AccessionNumber).GetRawText());
        Assert.Equal("""{"vr":"OW"}""", Attribute(ds, DicomTags.PixelData).GetRawText());
        Assert.Equal("""{"vr":"SQ"}""", Attribute(ds, DicomTags.ReferencedImageSequence).GetRawText());
        Assert.Equal("""["ORIGINAL",null,"AXIAL"]""", Attribute(ds, DicomTags.ImageType).GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Numbers_are_json_numbers_and_invalid_text_stays_a_string()
    {
        var ds = new DicomDataset();
        ds.AddOrReplaceString(DicomTags.SliceThickness, DicomVR.DS, "+0005.50", ".5", "-1.E+3", "abc");
        ds.AddOrReplaceString(DicomTags.InstanceNumber, DicomVR.IS, "007");
        ds.AddOrReplaceUInt16(DicomTags.Rows, 512);
        ds.AddOrReplaceInt16(DicomTags.SmallestImagePixelValue, -32768);
        ds.AddOrReplaceFloat(DicomTags.RecommendedDisplayFrameRateInFloat, 0.1f);
        ds.AddOrReplaceDouble(DicomTags.PixelSpacing, 0.1, 1e300);
        Assert.Equal("""[5.50,0.5,-1E3,"abc"]""", Attribute(ds, DicomTags.SliceThickness).GetProperty("Value").GetRawText());
        Assert.Equal("[7]", Attribute(ds, DicomTags.InstanceNumber).GetProperty("Value").GetRawText());
        Assert.Equal("[512]", Attribute(ds, DicomTags.Rows).GetProperty("Value").GetRawText());
        Assert.Equal("[-32768]", Attribute(ds, DicomTags.SmallestImagePixelValue).GetProperty("Value").GetRawText());
        Assert.Equal(0.1f, Attribute(ds, DicomTags.RecommendedDisplayFrameRateInFloat).GetProperty("Value")[0].GetSingle());
        Assert.Equal("[0.1,1E+300]", Attribute(ds, DicomTags.PixelSpacing).GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Sixty_four_bit_integers_beyond_2_pow_53_are_strings()
    {
        var ds = new DicomDataset();
        var sv = new byte[16];
        BitConverter.TryWriteBytes(sv.AsSpan(0), 1L << 53);
        BitConverter.TryWriteBytes(sv.AsSpan(8), -42L);
        ds.AddOrReplace(new DicomElement(new DicomTag(0x00660040), DicomVR.SV, sv));
        ds.AddOrReplace(new DicomElement(new DicomTag(0x00660041), DicomVR.UV, BitConverter.GetBytes(ulong.MaxValue)));
        Assert.Equal("""["9007199254740992",-42]""", Attribute(ds, new DicomTag(0x00660040)).GetProperty("Value").GetRawText());
        Assert.Equal("""["18446744073709551615"]""", Attribute(ds, new DicomTag(0x00660041)).GetProperty("Value").GetRawText());
        var back = DicomJsonReader.Read(DicomJsonWriter.ToJson(ds));
        Assert.Equal(sv, ((DicomElement)back.Get(new DicomTag(0x00660040))!).Span.ToArray());
    }

    [Fact]
    public void NaN_is_an_error_by_default_like_dcm2json_or_a_string_when_asked()
    {
        var ds = new DicomDataset().AddOrReplaceDouble(DicomTags.PixelSpacing, double.NaN, double.NegativeInfinity);
        var e = Assert.Throws<DicomFormatException>(() => DicomJsonWriter.ToJson(ds));
        Assert.Equal(DicomTags.PixelSpacing, e.Tag);
        var options = new DicomJsonWriterOptions { NonFiniteNumbers = NonFiniteNumberHandling.String };
        Assert.Equal("""["NaN","-Infinity"]""", Attribute(ds, DicomTags.PixelSpacing, options).GetProperty("Value").GetRawText());
        var back = DicomJsonReader.Read(DicomJsonWriter.ToJson(ds, options));
        Assert.Equal(new[] { double.NaN, double.NegativeInfinity }, back.GetNumbers(DicomTags.PixelSpacing));
    }

    [Fact]
    public void Attribute_tags_are_GGGGEEEE_strings()
    {
        var ds = new DicomDataset();
        ds.AddOrReplace(new DicomElement(DicomTags.FrameIncrementPointer, DicomVR.AT, new byte[] { 0x18, 0x00, 0x63, 0x10, 0x54, 0x00, 0x80, 0x00 }));
        Assert.Equal("""["00181063","00540080"]""", Attribute(ds, DicomTags.FrameIncrementPointer).GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Nested_sequences_are_arrays_of_objects_and_bulk_uris_get_their_path()
    {
        var inner = new DicomDataset().AddOrReplaceBytes(DicomTags.LUTData, DicomVR.OW, new byte[100]);
        var item = new DicomDataset().AddOrReplaceString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3");
        item.AddOrReplace(new DicomSequence(DicomTags.VOILUTSequence, [inner]));
        var ds = new DicomDataset().AddOrReplace(new DicomSequence(DicomTags.ReferencedImageSequence, [new DicomDataset(), item]));
        var options = new DicomJsonWriterOptions { BulkDataUri = b => $"http://x/bulkdata/{b.Path.ToUriPath()}", BulkDataThreshold = 64 };
        var seq = Attribute(ds, DicomTags.ReferencedImageSequence, options);
        Assert.Equal("{}", seq.GetProperty("Value")[0].GetRawText());
        var lut = seq.GetProperty("Value")[1].GetProperty("00283010").GetProperty("Value")[0].GetProperty("00283006");
        Assert.Equal("http://x/bulkdata/00081140/1/00283010/0/00283006", lut.GetProperty("BulkDataURI").GetString());
        // Below the threshold the value stays inline.
        var small = new DicomJsonWriterOptions { BulkDataUri = options.BulkDataUri, BulkDataThreshold = 101 };
        var inline = Attribute(ds, DicomTags.ReferencedImageSequence, small).GetProperty("Value")[1].GetProperty("00283010").GetProperty("Value")[0].GetProperty("00283006");
        Assert.Equal(Convert.ToBase64String(new byte[100]), inline.GetProperty("InlineBinary").GetString());
    }

    [Fact]
    public void Encapsulated_pixel_data_inlines_its_items_and_reads_back_as_the_same_fragments()
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/SC_rgb_rle_2frame.dcm"));
        var original = Assert.IsType<DicomFragmentSequence>(file.Dataset.Get(DicomTags.PixelData));
        var back = DicomJsonReader.Read(DicomJsonWriter.ToJson(file.Dataset));
        var fragments = Assert.IsType<DicomFragmentSequence>(back.Get(DicomTags.PixelData));
        Assert.Equal(original.Fragments.Count, fragments.Fragments.Count);
        Assert.Equal(original.OffsetTable.Memory.ToArray(), fragments.OffsetTable.Memory.ToArray());
        for (int i = 0; i < original.Fragments.Count; i++)
            Assert.Equal(original.Fragments[i].Memory.ToArray(), fragments.Fragments[i].Memory.ToArray());
    }

    [Fact]
    public void File_meta_group_is_written_only_when_asked_as_dcm2json_plus_m()
    {
        var path = CorpusFiles.PathOf("test_files/CT_small.dcm");
        var file = DicomFileReader.Read(path);
        using var withMeta = new MemoryStream();
        DicomJsonWriter.Write(withMeta, file, new DicomJsonWriterOptions { IncludeFileMetaInformation = true });
        var (exit, expected, _) = Dcm2Json.Run(path, "+m");
        Assert.Equal(0, exit);
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(withMeta.ToArray());
        Assert.Empty(JsonNormalizedComparer.Differences(e.RootElement, a.RootElement));
        Assert.True(a.RootElement.TryGetProperty("00020010", out _));
        Assert.False(JsonDocument.Parse(DicomJsonWriter.ToJson(file.Dataset)).RootElement.TryGetProperty("00020010", out _));
    }

    [Fact]
    public void Group_lengths_are_left_out_unless_asked()
    {
        var ds = new DicomDataset().AddOrReplaceUInt32(new DicomTag(0x00080000), 10).AddOrReplaceString(DicomTags.Modality, DicomVR.CS, "CT");
        Assert.False(JsonDocument.Parse(DicomJsonWriter.ToJson(ds)).RootElement.TryGetProperty("00080000", out _));
        Assert.True(JsonDocument.Parse(DicomJsonWriter.ToJson(ds, new() { IncludeGroupLengths = true })).RootElement.TryGetProperty("00080000", out _));
    }

    [Fact]
    public void Values_left_in_their_file_stream_out_as_the_same_base64()
    {
        var path = CorpusFiles.PathOf("test_files/SC_rgb_jpeg_dcmd.dcm"); // 197 KB of native pixel data: streamed in segments
        var inMemory = DicomJsonWriter.ToJson(DicomFileReader.Read(path).Dataset);
        var lazy = DicomFileReader.Read(path, new DicomReaderOptions { LazyValueThreshold = 16 });
        Assert.False(((DicomElement)lazy.Dataset.Get(DicomTags.PixelData)!).Value.IsLoaded);
        using var stream = new MemoryStream();
        DicomJsonWriter.Write(stream, lazy.Dataset);
        Assert.Equal(inMemory, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
