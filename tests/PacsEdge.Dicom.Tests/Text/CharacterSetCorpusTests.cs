using PacsEdge.Testing;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Tests.Text.Referee;

namespace PacsEdge.Dicom.Tests.Text;

/// <summary>
/// Every string element (sequence items included) of every corpus file that has a Specific
/// Character Set, decoded by our reader, equals what pydicom 2.3.1 decodes for the same element.
/// </summary>
public class CharacterSetCorpusTests
{
    /// <summary>Corpus files with (0008,0005) somewhere: all of charset_files and the test_files that carry one.</summary>
    private static readonly Lazy<string[]> FilesWithCharacterSet = new(() => CorpusFiles.All
        .Where(p => ReadOrNull(p) is { } ds && HasCharacterSet(ds))
        .ToArray());

    private static readonly Lazy<Dictionary<string, (RefereeElement[]? Elements, string? Error)>> Referee =
        new(() => PydicomTextReferee.Run(FilesWithCharacterSet.Value));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in FilesWithCharacterSet.Value) data.Add(Path.GetRelativePath(CorpusFiles.Root, f));
        return data;
    }

    [Fact]
    public void All_charset_files_and_the_known_test_files_are_covered()
    {
        var names = FilesWithCharacterSet.Value.Select(p => Path.GetRelativePath(CorpusFiles.Root, p)).ToHashSet();
        foreach (var name in new[]
        {
            "chrArab", "chrFren", "chrFrenMulti", "chrGerm", "chrGreek", "chrH31", "chrH32", "chrHbrw", "chrI2",
            "chrJapMulti", "chrJapMultiExplicitIR6", "chrKoreanMulti", "chrRuss", "chrSQEncoding", "chrSQEncoding1",
            "chrX1", "chrX2",
        })
            Assert.Contains($"charset_files/{name}.dcm", names);
        Assert.Contains("test_files/J2K_pixelrep_mismatch.dcm", names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Text_values_equal_pydicom(string name)
    {
        var path = CorpusFiles.PathOf(name);
        var (expected, error) = Referee.Value[path];
        Assert.True(expected is not null, $"pydicom could not read {name}: {error}");
        var ours = new Dictionary<string, (DicomDataset Owner, DicomElement Element)>(StringComparer.Ordinal);
        Collect(DicomFileReader.Read(path).Dataset, "", ours);

        var mismatches = new List<string>();
        foreach (var element in expected)
        {
            if (!ours.TryGetValue(element.Path, out var mine)) { mismatches.Add($"{element.Path}: missing"); continue; }
            Assert.True(DicomVRInfo.TryParse(element.VR, out var vr), element.VR);
            // pydicom gives private UN elements the VR of its private dictionary; our reader keeps UN
            // (as dcmtk does). Those are decoded here with pydicom's VR and the item's character set.
            if (mine.Element.VR != vr && mine.Element.VR != DicomVR.UN)
            {
                mismatches.Add($"{element.Path}: VR {mine.Element.VR.Code()} vs {element.VR}");
                continue;
            }
            var decoded = DicomValueCodec.DecodeStrings(mine.Element.Span, vr, mine.Owner.CharacterSet);
            var a = Normalize(decoded, vr);
            var b = Normalize(element.Values, vr);
            if (!a.SequenceEqual(b))
                mismatches.Add($"{element.Path} {element.VR}: ours [{string.Join(" | ", a)}] pydicom [{string.Join(" | ", b)}]");
        }
        Assert.True(expected.Length > 0, "the referee listed no string elements");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>
    /// Differences of representation, not of decoding: pydicom's str(PersonName) drops empty trailing
    /// groups ("A^B=" reads "A^B"); pydicom keeps spaces that PS3.5 6.2 calls insignificant (trailing
    /// everywhere, leading except in LT, ST, UT, UR; e.g. CS "DERIVED \PRIMARY"); an element whose
    /// only value is empty has no values.
    /// </summary>
    private static string[] Normalize(string[] values, DicomVR vr)
    {
        var v = values.Select(s => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR ? s.TrimEnd(' ') : s.Trim(' '));
        if (vr == DicomVR.PN) v = v.Select(s => s.TrimEnd('='));
        var result = v.ToArray();
        return result is [""] ? [] : result;
    }

    private static void Collect(DicomDataset dataset, string prefix, Dictionary<string, (DicomDataset, DicomElement)> into)
    {
        foreach (var item in dataset)
        {
            var path = prefix + item.Tag.ToHex();
            if (item is DicomSequence sq)
                for (int i = 0; i < sq.Items.Count; i++) Collect(sq.Items[i], $"{path}/{i}/", into);
            else if (item is DicomElement e)
                into[path] = (dataset, e);
        }
    }

    private static DicomDataset? ReadOrNull(string path)
    {
        try { return DicomFileReader.Read(path).Dataset; }
        catch (DicomFormatException) { return null; }
    }

    private static bool HasCharacterSet(DicomDataset dataset) =>
        dataset.Contains(DicomTags.SpecificCharacterSet) ||
        dataset.OfType<DicomSequence>().Any(sq => sq.Items.Any(HasCharacterSet));
}
