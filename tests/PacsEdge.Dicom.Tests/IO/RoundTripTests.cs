using PacsEdge.Testing;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.IO;

/// <summary>Read -> write -> read is lossless for every corpus file that parses, in every sequence encoding.</summary>
public class RoundTripTests
{
    public static TheoryData<string> Readable()
    {
        var data = new TheoryData<string>();
        // Every corpus file but the broken ones (a file that stops parsing fails here, not silently skipped).
        foreach (var path in CorpusFiles.All)
        {
            var name = Path.GetRelativePath(CorpusFiles.Root, path);
            if (!Corpus.CorpusParseTests.MustFail.ContainsKey(name)) data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void Explicit_round_trip_is_lossless_and_stable(string name)
    {
        var original = DicomFileReader.Read(CorpusFiles.PathOf(name));
        foreach (var mode in Enum.GetValues<SequenceLengthEncoding>())
        {
            var options = new DicomWriterOptions
            {
                Sequences = mode,
                TransferSyntax = original.TransferSyntax.IsEncapsulated ? null : TransferSyntax.ExplicitVRLittleEndian,
            };
            var bytes = DicomFileWriter.ToBytes(original, options);
            var reread = DicomFileReader.Read(bytes);

            Assert.Null(DatasetComparer.FirstDifference(original.Dataset, reread.Dataset));
            Assert.Equal(original.TransferSyntax.IsEncapsulated ? original.TransferSyntax.Uid : TransferSyntax.ExplicitVRLittleEndian.Uid,
                         reread.TransferSyntax.Uid);
            // Writing what we read back gives the same bytes: the writer is a fixed point.
            Assert.Equal(bytes, DicomFileWriter.ToBytes(reread, options));
        }
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void Implicit_round_trip_keeps_every_value(string name)
    {
        var original = DicomFileReader.Read(CorpusFiles.PathOf(name));
        if (original.TransferSyntax.IsEncapsulated) return; // encapsulated pixel data has no implicit encoding
        var bytes = DicomFileWriter.ToBytes(original, new DicomWriterOptions { TransferSyntax = TransferSyntax.ImplicitVRLittleEndian });
        var reread = DicomFileReader.Read(bytes);
        Assert.Equal(TransferSyntax.ImplicitVRLittleEndian.Uid, reread.TransferSyntax.Uid);
        // Implicit VR drops VRs (a reader takes them from the dictionary), so compare tags and values.
        Assert.Null(DatasetComparer.FirstDifference(original.Dataset, reread.Dataset, compareVR: false));
    }

    [Fact]
    public void Meta_group_length_is_true_and_transfer_syntax_matches()
    {
        var original = DicomFileReader.Read(CorpusFiles.PathOf("test_files/MR_small_bigendian.dcm"));
        var reread = DicomFileReader.Read(DicomFileWriter.ToBytes(original));
        var groupLength = reread.FileMetaInformation.GetSingleValueOrDefault(DicomTags.FileMetaInformationGroupLength, 0u);
        var bytes = DicomFileWriter.ToBytes(original);
        // Group length counts the meta bytes after the (0002,0000) element itself: 132 preamble+DICM, 12 for the element.
        int datasetStart = 132 + 12 + (int)groupLength;
        Assert.Equal(0x08, bytes[datasetStart]); // the data set starts with group 0008, little endian
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, reread.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
        Assert.Equal(original.Dataset.GetNumbers(DicomTags.Rows), reread.Dataset.GetNumbers(DicomTags.Rows));
    }
}
