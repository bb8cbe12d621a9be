using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz.Regressions;

/// <summary>
/// Fuzz finding: a corrupt deflate stream (e.g. one flipped byte in image_dfl.dcm) made the reader
/// throw DeflateStream's InvalidDataException instead of <see cref="DicomFormatException"/>.
/// </summary>
public class CorruptDeflatedDataSetTests
{
    private static byte[] CorruptDeflatedFile()
    {
        var dataset = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT").Text(0x0010, 0x0010, "PN", "Fuzz^Case").ToArray();
        var file = CraftedDicom.Deflated(dataset);
        // The first deflate byte holds BFINAL and BTYPE; BTYPE 11 is reserved (RFC 1951 3.2.3), an invalid block.
        int deflateStart = CraftedDicom.Part10("1.2.840.10008.1.2.1.99", []).Length;
        file[deflateStart] |= 0b110;
        return file;
    }

    [Fact]
    public void Intact_crafted_deflated_file_parses()
    {
        var dataset = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT").ToArray();
        var file = DicomFileReader.Read(CraftedDicom.Deflated(dataset));
        Assert.True(file.TransferSyntax.IsDeflated);
        Assert.Equal("CT", file.Dataset.GetString(DicomTags.Modality));
    }

    [Fact]
    public void Corrupt_deflate_stream_from_bytes_throws_DicomFormatException()
    {
        var e = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(CorruptDeflatedFile()));
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void Corrupt_deflate_stream_from_non_seekable_stream_throws_DicomFormatException() =>
        Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(new NonSeekableReadStream(CorruptDeflatedFile(), 7)));
}
