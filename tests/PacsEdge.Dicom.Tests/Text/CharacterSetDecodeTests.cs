using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Text;

namespace PacsEdge.Dicom.Tests.Text;

/// <summary>
/// The decoding rules of PS3.5 6.1.2.5 on hand-made values. Expected characters come from the
/// standards' code tables (ISO 8859-1/-5, JIS X 0208, GBK), named in each test.
/// </summary>
public class CharacterSetDecodeTests
{
    private const byte Esc = 0x1B;
    private static readonly byte[] ToCyrillic = [Esc, 0x2D, 0x4C];   // ESC - L: ISO-IR 144 into G1
    private static readonly byte[] ToJisX0208 = [Esc, 0x24, 0x42];   // ESC $ B
    private static readonly byte[] ToAscii = [Esc, 0x28, 0x42];      // ESC ( B

    // ISO 8859-5 0xB0 = CYRILLIC CAPITAL LETTER A, 0xE9 = CYRILLIC SMALL LETTER SHCHA; ISO 8859-1 0xE9 = e acute.
    private const string CyrillicA = "\u0410", CyrillicShcha = "\u0449", LatinEAcute = "\u00E9";

    private static DicomCharacterSet LatinWithCyrillic => DicomCharacterSet.FromTerms(["ISO 2022 IR 100", "ISO 2022 IR 144"]);

    private static string[] Values(DicomCharacterSet cs, DicomVR vr, params byte[][] parts) =>
        DicomValueCodec.DecodeStrings(parts.SelectMany(p => p).ToArray(), vr, cs);

    private static byte[] B(string ascii) => System.Text.Encoding.ASCII.GetBytes(ascii);

    [Fact]
    public void Value_delimiter_returns_to_value_1_set()
    {
        var values = Values(LatinWithCyrillic, DicomVR.LO, ToCyrillic, [0xB0], B("\\"), [0xE9]);
        Assert.Equal([CyrillicA, LatinEAcute], values);
    }

    [Fact]
    public void Person_name_component_and_group_delimiters_return_to_value_1_set()
    {
        var pn = Values(LatinWithCyrillic, DicomVR.PN, ToCyrillic, [0xB0], B("^"), [0xE9], B("="), ToCyrillic, [0xB0], B("="), [0xE9]);
        Assert.Equal([$"{CyrillicA}^{LatinEAcute}={CyrillicA}={LatinEAcute}"], pn);
    }

    [Fact]
    public void Caret_is_no_delimiter_outside_person_names()
    {
        var lo = Values(LatinWithCyrillic, DicomVR.LO, ToCyrillic, [0xB0], B("^"), [0xE9]);
        Assert.Equal([$"{CyrillicA}^{CyrillicShcha}"], lo);
    }

    [Fact]
    public void Control_characters_return_to_value_1_set_and_backslash_is_text_in_LT()
    {
        var lt = Values(LatinWithCyrillic, DicomVR.LT, ToCyrillic, [0xB0], B("\r\n"), [0xE9], B("\t"), ToCyrillic, [0xB0], B("\\"), [0xE9]);
        Assert.Equal([$"{CyrillicA}\r\n{LatinEAcute}\t{CyrillicA}\\{CyrillicShcha}"], lt);
    }

    [Fact]
    public void Backslash_byte_inside_a_JIS_X_0208_character_is_not_a_delimiter()
    {
        // JIS X 0208 0x4B5C = U+672C (hon); 0x245E is hiragana MA, whose second byte is '^'.
        var cs = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]);
        Assert.Equal(["\u672C", "A"], Values(cs, DicomVR.LO, ToJisX0208, [0x4B, 0x5C], ToAscii, B("\\A")));
        Assert.Equal(["\u307E^A"], Values(cs, DicomVR.PN, ToJisX0208, [0x24, 0x5E], ToAscii, B("^A")));
    }

    [Theory]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    public void Backslash_trail_byte_of_a_GBK_character_is_not_a_delimiter(string term)
    {
        // GBK 0xD55C = U+8AA0 (cheng), 0x815C = U+4E57.
        var cs = DicomCharacterSet.FromTerms([term]);
        Assert.Equal(["\u8AA0\u4E57", "A"], Values(cs, DicomVR.LO, [0xD5, 0x5C, 0x81, 0x5C], B("\\A")));
        Assert.Equal(["\u8AA0^\u4E57"], Values(cs, DicomVR.PN, [0xD5, 0x5C], B("^"), [0x81, 0x5C]));
    }

    [Fact]
    public void Unknown_term_decodes_as_latin1_and_is_reported()
    {
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 999"]);
        Assert.Equal(["ISO_IR 999"], cs.UnknownTerms);
        Assert.Contains(cs.Warnings, w => w.Contains("ISO_IR 999"));
        Assert.Equal(["Jos" + LatinEAcute], Values(cs, DicomVR.PN, B("Jos"), [0xE9]));
    }

    [Fact]
    public void Unknown_extension_term_is_ignored_and_value_1_still_applies()
    {
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 144", "ISO 2022 IR 999"]);
        Assert.Equal(["ISO 2022 IR 999"], cs.UnknownTerms);
        Assert.Equal([CyrillicA], Values(cs, DicomVR.LO, [0xB0]));
    }

    [Theory]
    [InlineData("ISO_IR144")]
    [InlineData("ISO-IR 144")]
    [InlineData("iso_ir 144")]
    [InlineData("ISO 2022-IR 144")]
    public void Misspelled_terms_are_corrected_with_a_warning(string term)
    {
        var cs = DicomCharacterSet.FromTerms([term]);
        Assert.Empty(cs.UnknownTerms);
        Assert.NotEmpty(cs.Warnings);
        Assert.Equal([CyrillicA], Values(cs, DicomVR.LO, [0xB0]));
    }

    [Fact]
    public void Stand_alone_set_ignores_extensions()
    {
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 192", "ISO 2022 IR 87"]);
        Assert.NotEmpty(cs.Warnings);
        Assert.False(cs.UsesCodeExtensions);
        Assert.Equal([LatinEAcute], Values(cs, DicomVR.LO, [0xC3, 0xA9]));
    }

    [Fact]
    public void Other_VRs_use_the_default_repertoire()
    {
        // UTF-8 bytes of e-acute in a CS element: not decoded as UTF-8 (PS3.5 6.1.2.3).
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 192"]);
        Assert.Equal(["\u00C3\u00A9"], Values(cs, DicomVR.CS, [0xC3, 0xA9]));
    }

    [Fact]
    public void Broken_input_never_throws()
    {
        var cs = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87", "ISO 2022 IR 149"]);
        // A lone JIS byte at the end, an unknown escape sequence, a KS X 1001 lead byte without trail.
        var text = cs.Decode([.. ToJisX0208, 0x30, 0x21, 0x30, Esc, 0x25, 0x40, 0x41, Esc, 0x24, 0x29, 0x43, 0xB0], DicomVR.LT);
        Assert.StartsWith("\u4E9C", text); // JIS X 0208 0x3021 = U+4E9C
        Assert.Contains('\uFFFD', text);
        Assert.Contains('\u001B', text);
    }

    [Fact]
    public void Items_inherit_and_override_the_character_set()
    {
        var root = new DicomDataset();
        root.AddOrReplaceBytes(DicomTags.SpecificCharacterSet, DicomVR.CS, B("ISO_IR 144"));
        var inherits = new DicomDataset();
        inherits.AddOrReplaceBytes(DicomTags.CodeMeaning, DicomVR.LO, [0xB0, 0x20]);
        var overrides = new DicomDataset();
        overrides.AddOrReplaceBytes(DicomTags.SpecificCharacterSet, DicomVR.CS, B("ISO_IR 100"));
        overrides.AddOrReplaceBytes(DicomTags.CodeMeaning, DicomVR.LO, [0xE9, 0x20]);
        root.AddOrReplace(new DicomSequence(DicomTags.ConceptNameCodeSequence, [inherits, overrides]));
        Assert.Equal(CyrillicA, inherits.GetString(DicomTags.CodeMeaning));
        Assert.Equal(LatinEAcute, overrides.GetString(DicomTags.CodeMeaning));
    }
}
