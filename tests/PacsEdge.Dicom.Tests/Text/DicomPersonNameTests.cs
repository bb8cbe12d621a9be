using PacsEdge.Testing;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Tests.Text;

public class DicomPersonNameTests
{
    [Fact]
    public void Groups_of_the_PS3_5_H_3_2_example_read_from_chrH32()
    {
        var ds = DicomFileReader.Read(CorpusFiles.PathOf("charset_files/chrH32.dcm")).Dataset;
        var name = DicomPersonName.Parse(ds.GetString(DicomTags.PatientName)!);
        Assert.Equal("\uFF94\uFF8F\uFF80\uFF9E^\uFF80\uFF9B\uFF73", name.Alphabetic);
        Assert.Equal(["\u5C71\u7530", "\u592A\u90CE", "", "", ""], DicomPersonName.ComponentsOf(name.Ideographic));
        Assert.Equal("\u3084\u307E\u3060^\u305F\u308D\u3046", name.Phonetic);
    }

    [Fact]
    public void Trailing_empty_groups_are_dropped_in_text_form()
    {
        var name = DicomPersonName.Parse("Wang^XiaoDong=\u738B^\u5C0F\u6771=");
        Assert.Equal("Wang", name.FamilyName);
        Assert.Equal("XiaoDong", name.GivenName);
        Assert.Equal("", name.Phonetic);
        Assert.Equal("Wang^XiaoDong=\u738B^\u5C0F\u6771", name.ToString());
    }
}
