using PacsEdge.Testing;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.IO;

public class ReaderTests
{
    private static string Corpus(string name) => CorpusFiles.PathOf("test_files/" + name);

    [Fact]
    public void Stops_before_pixel_data_and_reports_where_it_starts()
    {
        var path = Corpus("CT_small.dcm");
        var header = DicomFileReader.Read(path, DicomReaderOptions.UntilPixelData);
        Assert.False(header.Dataset.Contains(DicomTags.PixelData));
        Assert.Equal("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322", header.Dataset.GetString(DicomTags.SOPInstanceUID));
        var bytes = File.ReadAllBytes(path);
        int at = (int)header.StoppedAtOffset!.Value;
        Assert.Equal(new byte[] { 0xE0, 0x7F, 0x10, 0x00 }, bytes[at..(at + 4)]);
    }

    [Fact]
    public void Large_values_stay_in_the_file_until_asked_for()
    {
        var path = Corpus("CT_small.dcm");
        var lazy = DicomFileReader.Read(path, new DicomReaderOptions { LazyValueThreshold = 4096 });
        var pixels = Assert.IsType<DicomElement>(lazy.Dataset.Get(DicomTags.PixelData));
        var range = Assert.IsType<FileRangeByteSource>(pixels.Value);
        Assert.False(range.IsLoaded);
        Assert.Equal(128 * 128 * 2, range.Length);
        var full = (DicomElement)DicomFileReader.Read(path).Dataset.Get(DicomTags.PixelData)!;
        Assert.True(full.Span.SequenceEqual(pixels.Span));
        var copy = new MemoryStream();
        new FileRangeByteSource(path, range.Offset, range.Length).CopyTo(copy);
        Assert.True(full.Span.SequenceEqual(copy.ToArray()));
    }

    [Fact]
    public void Array_stream_and_non_seekable_stream_reads_agree()
    {
        var bytes = File.ReadAllBytes(Corpus("rtplan.dcm"));
        var fromArray = DicomFileReader.Read(bytes);
        var fromStream = DicomFileReader.Read(new MemoryStream(bytes));
        var fromPipe = DicomFileReader.Read(new Fuzz.NonSeekableReadStream(bytes, 7)); // short reads too
        Assert.Null(DatasetComparer.FirstDifference(fromArray.Dataset, fromStream.Dataset));
        Assert.Null(DatasetComparer.FirstDifference(fromArray.Dataset, fromPipe.Dataset));
    }

    [Theory]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("MR_small_implicit.dcm")]
    [InlineData("MR_small_expb.dcm")]
    public void Every_encoding_of_MR_small_gives_the_same_values(string variant)
    {
        var reference = DicomFileReader.Read(Corpus("MR_small.dcm")).Dataset;
        var other = DicomFileReader.Read(Corpus(variant)).Dataset;
        foreach (var tag in new[] { DicomTags.Rows, DicomTags.Columns, DicomTags.PixelSpacing, DicomTags.SOPInstanceUID, DicomTags.PatientName })
            Assert.Equal(reference.GetText(tag), other.GetText(tag));
        var a = (DicomElement)reference.Get(DicomTags.PixelData)!;
        var b = (DicomElement)other.Get(DicomTags.PixelData)!;
        Assert.True(a.Span.SequenceEqual(b.Span), "pixel data must come out little-endian whatever the file's byte order");
    }

    [Fact]
    public void Files_without_meta_group_are_detected_by_their_first_element()
    {
        var little = DicomFileReader.Read(Corpus("ExplVR_LitEndNoMeta.dcm"));
        var big = DicomFileReader.Read(Corpus("ExplVR_BigEndNoMeta.dcm"));
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian, little.TransferSyntax);
        Assert.Equal(TransferSyntax.ExplicitVRBigEndian, big.TransferSyntax);
        Assert.Null(DatasetComparer.FirstDifference(little.Dataset, big.Dataset));
    }

    /// <summary>dcmtk inflates the deflated corpus file; our read of the deflated original must equal our read of that.</summary>
    [Fact]
    public void Deflated_file_equals_dcmtk_inflated_copy()
    {
        var dir = Directory.CreateTempSubdirectory("pacsedge-deflate");
        try
        {
            var inflated = Path.Combine(dir.FullName, "inflated.dcm");
            var result = ExternalTool.Run("dcmconv", ["+te", Corpus("image_dfl.dcm"), inflated]);
            Assert.True(result.ExitCode == 0, result.StdErr);
            var ours = DicomFileReader.Read(Corpus("image_dfl.dcm"));
            Assert.Equal(TransferSyntax.DeflatedExplicitVRLittleEndian, ours.TransferSyntax);
            Assert.Null(DatasetComparer.FirstDifference(DicomFileReader.Read(inflated).Dataset, ours.Dataset));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Truncated_file_names_the_tag_and_offset()
    {
        var e = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(Corpus("MR_truncated.dcm")));
        Assert.Equal(DicomTags.PixelData, e.Tag);
        Assert.InRange(e.Offset, 1000, 2000);
        Assert.Contains("exceeds", e.Message);
    }

    /// <summary>dcmtk and pydicom both read this DICOMDIR whose last item overstates its length.</summary>
    [Fact]
    public void Overstated_last_item_length_is_read_to_the_end_with_a_warning()
    {
        var file = DicomFileReader.Read(Corpus("dicomdirtests/DICOMDIR-nooffset"));
        var records = Assert.IsType<DicomSequence>(file.Dataset.Get(DicomTags.DirectoryRecordSequence));
        Assert.Equal("7", records.Items[^1].GetString(DicomTags.InstanceNumber));
        Assert.NotEmpty(file.Warnings);
        Assert.Empty(DicomFileReader.Read(Corpus("CT_small.dcm")).Warnings);
    }

    [Fact]
    public void Text_that_is_not_DICOM_is_refused_at_offset_zero()
    {
        var e = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read("This is a text file, not DICOM at all"u8.ToArray()));
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Nesting_and_element_limits_are_enforced()
    {
        var bytes = File.ReadAllBytes(Corpus("rtplan.dcm"));
        Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(bytes, new DicomReaderOptions { MaxSequenceDepth = 1 }));
        Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(bytes, new DicomReaderOptions { MaxElementCount = 20 }));
    }

    /// <summary>As dcmtk: an unknown implicit element of defined length is UN bytes, even if they hold items.</summary>
    [Fact]
    public void Unknown_implicit_element_of_defined_length_stays_UN()
    {
        var ds = DicomFileReader.Read(Corpus("priv_SQ.dcm")).Dataset;
        Assert.Equal("aaabbbccc MEDICAL SYSTEMS", ds.GetString(new DicomTag(0x3F030010)));
        var e = Assert.IsType<DicomElement>(ds.Get(new DicomTag(0x3F031001)));
        Assert.Equal(DicomVR.UN, e.VR);
        Assert.Equal(166, e.Length);
    }

    /// <summary>PS3.5 6.2.2 / CP-246: undefined length in implicit VR means a sequence, nested ones too.</summary>
    [Fact]
    public void Unknown_implicit_element_of_undefined_length_is_a_sequence()
    {
        var ds = DicomFileReader.Read(Corpus("nested_priv_SQ.dcm")).Dataset;
        var outer = Assert.IsType<DicomSequence>(ds.Get(new DicomTag(0x00010001)));
        var item = Assert.Single(outer.Items);
        var inner = Assert.IsType<DicomSequence>(item.Get(new DicomTag(0x00010001)));
        var innerItem = Assert.Single(inner.Items);
        Assert.Equal("Double Nested SQ"u8.ToArray(), ((DicomElement)innerItem.Get(new DicomTag(0x00010001))!).Span.ToArray());
        // The file stores 9 bytes (odd length); dcmtk warns and shows it padded to 10. We keep what is there.
        Assert.Equal("Nested SQ"u8.ToArray(), ((DicomElement)item.Get(new DicomTag(0x00010002))!).Span.ToArray());
    }
}
