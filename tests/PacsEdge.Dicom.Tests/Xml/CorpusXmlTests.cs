using System.Globalization;
using System.Xml.Linq;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Json;
using PacsEdge.Dicom.Xml;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Xml;

/// <summary>
/// The Native DICOM Model (PS3.19 A.1) of each corpus file against dcmtk's `dcm2xml --native-format --convert-to-utf8`:
/// the same attributes in the same nesting with the same tag, VR, keyword and values. Binary values are compared by
/// presence only (dcmtk writes a UUID BulkData reference where PacsEdge writes InlineBinary).
/// </summary>
public class CorpusXmlTests
{
    private static readonly XNamespace Ns = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static readonly DicomJsonWriterOptions Options = new() { NonFiniteNumbers = NonFiniteNumberHandling.String, RewriteSpecificCharacterSet = false };

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Native_model_matches_dcm2xml(string name)
    {
        DicomFile file;
        try { file = DicomFileReader.Read(CorpusFiles.PathOf(name)); }
        catch (DicomFormatException) { return; } // not DICOM or truncated: the parse tests cover these
        var referee = ExternalTool.Run("dcm2xml", ["-nat", "+Xn", "+U8", "+Eb", CorpusFiles.PathOf(name)]);
        if (referee.ExitCode != 0 || referee.StdOutBytes.Length == 0) return; // dcmtk refuses some odd files (e.g. unknown charsets)

        var ours = XDocument.Parse(DicomXmlWriter.ToXml(file.Dataset, Options));
        var theirs = XDocument.Load(new MemoryStream(referee.StdOutBytes));
        var expected = Flatten(theirs.Root!, "").Where(a => !a.Path.EndsWith("/00080005", StringComparison.Ordinal)).ToList();
        var actual = Flatten(ours.Root!, "").Where(a => !a.Path.EndsWith("/00080005", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(a => a.Path), actual.Select(a => a.Path));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Vr == actual[i].Vr || expected[i].Vr == "UN" || actual[i].Vr == "UN", $"{expected[i].Path}: VR {actual[i].Vr}, dcmtk {expected[i].Vr}");
            // dcmtk leaves out the keywords of retired attributes (e.g. StudyStatusID); PS3.6 still defines them.
            if (expected[i].Keyword is not null) Assert.Equal(expected[i].Keyword, actual[i].Keyword);
            if (expected[i].Values is { } values && actual[i].Values is { } mine && !IsBinary(expected[i].Vr))
                Assert.True(SameValues(expected[i].Vr, values, mine), $"{name} {expected[i].Path}: [{string.Join("|", mine)}] vs dcmtk [{string.Join("|", values)}]");
        }
    }

    [Fact]
    public void Person_names_sequences_and_private_creators_have_the_PS3_19_shape()
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/CT_small.dcm"));
        var root = XDocument.Parse(DicomXmlWriter.ToXml(file.Dataset)).Root!;
        Assert.Equal(Ns + "NativeDicomModel", root.Name);
        var name = root.Elements(Ns + "DicomAttribute").Single(e => (string?)e.Attribute("tag") == "00100010");
        Assert.Equal("PN", (string?)name.Attribute("vr"));
        var alphabetic = name.Element(Ns + "PersonName")!.Element(Ns + "Alphabetic")!;
        Assert.Equal("CompressedSamples", alphabetic.Element(Ns + "FamilyName")!.Value);
        Assert.Equal("CT1", alphabetic.Element(Ns + "GivenName")!.Value);
        var sequence = root.Elements(Ns + "DicomAttribute").Single(e => (string?)e.Attribute("tag") == "00101002");
        Assert.Equal("1", (string?)sequence.Element(Ns + "Item")!.Attribute("number"));
        // (0009,1001) in the block GEMS_IDEN_01 reserved at (0009,0010) is written as 00090001 with its creator (PS3.19 A.1.1).
        var privateElement = root.Elements(Ns + "DicomAttribute").Single(e => (string?)e.Attribute("tag") == "00090001");
        Assert.Equal("GEMS_IDEN_01", (string?)privateElement.Attribute("privateCreator"));
        Assert.Null(privateElement.Attribute("keyword"));
    }

    private static bool IsBinary(string vr) => vr is "OB" or "OW" or "OF" or "OD" or "OL" or "OV" or "UN" or "SQ";

    private static bool SameValues(string vr, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (vr is "FL")
            return expected.Count == actual.Count && expected.Zip(actual).All(p =>
                float.Parse(p.First, CultureInfo.InvariantCulture).Equals(float.Parse(p.Second, CultureInfo.InvariantCulture)));
        if (vr is "FD" or "DS")
            return expected.Count == actual.Count && expected.Zip(actual).All(p =>
                p.First.Trim() == p.Second.Trim() ||
                double.TryParse(p.First, CultureInfo.InvariantCulture, out var a) && double.TryParse(p.Second, CultureInfo.InvariantCulture, out var b) &&
                (a == b || Math.Abs(a - b) <= 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b))));
        // Line breaks: dcmtk 3.6.7 drops the CR of CR LF pairs in text values (test-SR.dcm), so compare without line breaks.
        static string Text(string v) => v.Replace("\r", "").Replace("\n", "").Trim();
        return expected.Select(Text).SequenceEqual(actual.Select(Text));
    }

    private sealed record FlatAttribute(string Path, string Vr, string? Keyword, IReadOnlyList<string>? Values);

    /// <summary>Every DicomAttribute in document order with its nesting path (tag/item/tag...), skipping group lengths.</summary>
    private static IEnumerable<FlatAttribute> Flatten(XElement container, string prefix)
    {
        foreach (var attribute in container.Elements(Ns + "DicomAttribute"))
        {
            var tag = (string)attribute.Attribute("tag")!;
            if (tag.EndsWith("0000", StringComparison.Ordinal)) continue;
            // A private element without a creator keeps its full tag here; dcmtk cuts it to gggg00ee anyway.
            if (Convert.ToUInt32(tag, 16) is var value && (value >> 16 & 1) == 1 && (value & 0xFF00) >= 0x1000) tag = tag[..4] + "00" + tag[6..];
            var path = prefix + "/" + tag;
            var values = attribute.Elements(Ns + "Value").Select(v => v.Value)
                .Concat(attribute.Elements(Ns + "PersonName").Select(PersonNameText)).ToList();
            yield return new FlatAttribute(path, (string)attribute.Attribute("vr")!, (string?)attribute.Attribute("keyword"), values.Count == 0 ? null : values);
            foreach (var item in attribute.Elements(Ns + "Item"))
                foreach (var nested in Flatten(item, path + "[" + (string)item.Attribute("number")! + "]"))
                    yield return nested;
        }
    }

    /// <summary>Alphabetic and ideographic groups only: dcmtk 3.6.7 repeats the ideographic group as phonetic when the phonetic one is empty (chrX2.dcm).</summary>
    private static string PersonNameText(XElement name) =>
        string.Join("=", new[] { "Alphabetic", "Ideographic" }.Select(g => name.Element(Ns + g) is { } group
            ? string.Join("^", new[] { "FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix" }.Select(c => group.Element(Ns + c)?.Value ?? "")).TrimEnd('^')
            : "")).TrimEnd('=');
}
