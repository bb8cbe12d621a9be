using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Tests.Dataset;

public class ValueCodecTests
{
    /// <summary>誠 is D5 5C in GBK: its second byte is a backslash that must not split the value.</summary>
    [Fact]
    public void Multiplicity_counts_delimiters_after_decoding_multi_byte_text()
    {
        var gbk = DicomCharacterSet.FromTerms(["GBK"]);
        var raw = gbk.Encode("誠\\王", DicomVR.LO);
        Assert.Equal(2, raw.Count(b => b == 0x5C)); // a delimiter and the second byte of 誠: counting bytes would say 3 values
        Assert.Equal(2, DicomValueCodec.Multiplicity(raw, DicomVR.LO, gbk));
        Assert.Equal(["誠", "王"], DicomValueCodec.DecodeStrings(raw, DicomVR.LO, gbk));
    }

    [Theory]
    [InlineData(DicomVR.US, new byte[] { 1, 0, 2, 0, 3, 0 }, 3)]
    [InlineData(DicomVR.AT, new byte[] { 8, 0, 0x18, 0, 0x10, 0, 0x10, 0 }, 2)]
    [InlineData(DicomVR.LT, new byte[] { (byte)'a', (byte)'\\', (byte)'b' }, 1)]
    [InlineData(DicomVR.CS, new byte[] { (byte)'A', (byte)'\\', (byte)'B' }, 2)]
    [InlineData(DicomVR.OB, new byte[] { 1, 2, 3 }, 1)]
    public void Multiplicity_follows_the_VR(DicomVR vr, byte[] raw, int expected) =>
        Assert.Equal(expected, DicomValueCodec.Multiplicity(raw, vr));

    [Fact]
    public void Decimal_strings_fit_16_characters_and_round_trip_when_they_can()
    {
        Assert.Equal("0.5", DicomDataset.FormatDecimalString(0.5));
        var pi = DicomDataset.FormatDecimalString(Math.PI);
        Assert.True(pi.Length <= 16, pi);
        Assert.Equal(Math.PI, double.Parse(pi, System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.True(DicomDataset.FormatDecimalString(-1.2345678901234567e-200).Length <= 16);
    }
}
