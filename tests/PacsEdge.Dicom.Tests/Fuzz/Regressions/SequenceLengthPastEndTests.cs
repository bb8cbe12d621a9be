using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz.Regressions;

/// <summary>
/// Fuzz finding: a sequence whose defined length runs past the end of the file but whose items end
/// with a sequence delimiter was rejected from a byte array ("length exceeds the bytes left") and
/// accepted from a non-seekable stream (which cannot know its end). dcmtk's dcmdump reads such a
/// file (it shows "Sequence with explicit length" and carries on after the delimiter), so both
/// paths now accept it. Without the delimiter, the data ends between elements inside the sequence:
/// like dcmtk on the corpus's DICOMDIR-nooffset, both paths close the sequence there with a warning.
/// Ending inside an element is still rejected on both.
/// </summary>
public class SequenceLengthPastEndTests
{
    private static byte[] Dataset(bool delimited)
    {
        var d = new CraftedDicom()
            .Text(0x0008, 0x0060, "CS", "CT")
            .Sequence(0x0008, 0x1140, 0x80000000) // ReferencedImageSequence, length far past the end
            .Item().Text(0x0008, 0x1155, "UI", "1.2.3.4").ItemEnd();
        if (delimited) d.SequenceEnd().Text(0x0010, 0x0010, "PN", "After^Sequence");
        return CraftedDicom.Part10("1.2.840.10008.1.2.1", d.ToArray());
    }

    public static TheoryData<string> Paths => new() { "bytes", "non-seekable stream", "seekable stream" };

    private static DicomFile Read(byte[] bytes, string path) => path switch
    {
        "bytes" => DicomFileReader.Read(bytes),
        "non-seekable stream" => DicomFileReader.Read(new NonSeekableReadStream(bytes, 5)),
        _ => DicomFileReader.Read(new MemoryStream(bytes)),
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Delimited_sequence_with_length_past_end_is_read_up_to_its_delimiter(string path)
    {
        var file = Read(Dataset(delimited: true), path);
        var sequence = Assert.IsType<DicomSequence>(file.Dataset.Get(DicomTags.ReferencedImageSequence));
        Assert.Equal("1.2.3.4", Assert.Single(sequence.Items).GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal("After^Sequence", file.Dataset.GetString(DicomTags.PatientName));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Sequence_ended_by_the_end_of_data_between_elements_is_closed_with_a_warning(string path)
    {
        var file = Read(Dataset(delimited: false), path);
        var sequence = Assert.IsType<DicomSequence>(file.Dataset.Get(DicomTags.ReferencedImageSequence));
        Assert.Equal("1.2.3.4", Assert.Single(sequence.Items).GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Contains(file.Warnings, w => w.Contains("closed there"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Sequence_cut_inside_an_element_is_rejected(string path)
    {
        var bytes = Dataset(delimited: false);
        Assert.Throws<DicomFormatException>(() => Read(bytes[..^3], path));
    }
}
