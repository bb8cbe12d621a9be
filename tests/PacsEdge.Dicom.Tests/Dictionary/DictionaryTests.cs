using PacsEdge.Testing;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.Dicom.Tests.Dictionary;

public class DictionaryTests
{
    /// <summary>One source of truth: regenerating from the public sources gives the checked-in files.</summary>
    [Fact]
    public void Generated_dictionary_is_up_to_date()
    {
        var script = RepoPaths.Of("server", "PacsEdge.Dicom", "Dictionary", "generate_dictionary.py");
        var result = ExternalTool.Run("/usr/bin/python3", [script, "--check"]);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
    }

    [Fact]
    public void Records_source_and_edition() =>
        Assert.Equal("PS 3.6-2022b", DicomDictionary.Edition);

    [Fact]
    public void Every_entry_of_dcmtk_dicom_dic_with_a_real_VR_agrees_with_ours()
    {
        // dcmtk's dictionary is an independent machine-readable PS3.6; where it names a plain VR, ours must list it.
        int compared = 0;
        foreach (var line in File.ReadLines("/usr/share/libdcmtk17/dicom.dic"))
        {
            var f = line.Split('\t');
            if (line.StartsWith('#') || f.Length < 4 || f[0].Length != 11 || f[0].Contains('x') || f[0].Contains('-')) continue;
            if (!DicomVRInfo.TryParse(f[1], out var vr)) continue;
            var tag = DicomTag.Parse(f[0]);
            if (!DicomDictionary.TryGetEntry(tag, out var entry)) continue;
            Assert.Contains(vr, entry.ValueRepresentations);
            Assert.Equal(f[2].Replace("RETIRED_", ""), entry.Keyword);
            compared++;
        }
        Assert.True(compared > 4000, $"only {compared} entries compared");
    }

    [Theory]
    [InlineData(0x00100010u, "PatientName", DicomVR.PN, "1", false)]
    [InlineData(0x7FE00010u, "PixelData", DicomVR.OB, "1", false)]
    [InlineData(0x60003000u, "OverlayData", DicomVR.OB, "1", false)]
    [InlineData(0x601E3000u, "OverlayData", DicomVR.OB, "1", false)]
    [InlineData(0x50100010u, "NumberOfPoints", DicomVR.US, "1", true)]
    [InlineData(0x00280106u, "SmallestImagePixelValue", DicomVR.US, "1", false)]
    [InlineData(0x00081199u, "ReferencedSOPSequence", DicomVR.SQ, "1", false)]
    public void Looks_up_plain_and_repeating_entries(uint tag, string keyword, DicomVR firstVR, string vm, bool retired)
    {
        Assert.True(DicomDictionary.TryGetEntry(new DicomTag(tag), out var e));
        Assert.Equal(keyword, e.Keyword);
        Assert.Equal(firstVR, e.DefaultVR);
        Assert.Equal(vm, e.ValueMultiplicity);
        Assert.Equal(retired, e.IsRetired);
    }

    [Fact]
    public void Private_tags_are_not_standard_entries_but_creators_are_LO()
    {
        Assert.False(DicomDictionary.TryGetEntry(new DicomTag(0x60013000), out _)); // odd group: private, not overlay
        Assert.Equal(DicomVR.LO, DicomDictionary.ImplicitVR(new DicomTag(0x00090010)));
        Assert.Equal(DicomVR.UN, DicomDictionary.ImplicitVR(new DicomTag(0x00091001)));
        Assert.Equal(DicomVR.UL, DicomDictionary.ImplicitVR(new DicomTag(0x00080000)));
    }

    [Fact]
    public void Known_private_tags_come_from_dcmtk_private_dic()
    {
        Assert.True(DicomDictionary.TryGetPrivateEntry(new DicomTag(0x00191010), "1.2.840.113681", out var e));
        Assert.Equal("CRImageParamsCommon", e.Keyword);
        Assert.Equal(DicomVR.ST, DicomDictionary.ImplicitVR(new DicomTag(0x00191010), "1.2.840.113681"));
    }

    [Fact]
    public void Keyword_constants_match_the_dictionary()
    {
        Assert.Equal(new DicomTag(0x00100010), DicomTags.PatientName);
        Assert.True(DicomDictionary.TryGetByKeyword("StudyInstanceUID", out var e));
        Assert.Equal(DicomTags.StudyInstanceUID.Value, e.Tag);
    }
}
