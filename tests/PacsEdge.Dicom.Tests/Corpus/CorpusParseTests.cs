using PacsEdge.Dicom.IO;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Corpus;

public class CorpusParseTests
{
    /// <summary>
    /// The corpus files that are not valid DICOM, with the reason; every other file must parse. dcmtk's
    /// dcmdump and pydicom's dcmread (without force) refuse each of these too.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> MustFail = new Dictionary<string, string>
    {
        ["charset_files/FileInfo.txt"] = "a text file describing the charset files",
        ["test_files/README.txt"] = "a text file",
        ["test_files/dicomdirtests/README.txt"] = "a text file",
        ["test_files/dicomdirtests/TINY_ALPHA/README"] = "a text file",
        ["test_files/rtplan.dump"] = "pydicom's text dump of rtplan.dcm",
        ["test_files/rtstruct.dump"] = "pydicom's text dump of rtstruct.dcm",
        ["test_files/test1.json"] = "DICOM JSON, not Part 10",
        ["test_files/test_PN.json"] = "DICOM JSON, not Part 10",
        ["test_files/zipMR.gz"] = "a gzip archive",
        ["test_files/MR_truncated.dcm"] = "truncated inside Pixel Data",
        ["test_files/rtplan_truncated.dcm"] = "truncated inside a sequence item",
        ["test_files/no_meta.dcm"] = "Debian's copy starts with a stray byte, so no element starts at offset 0",
    };

    [Fact]
    public void Corpus_is_complete() => Assert.True(CorpusFiles.All.Count >= 180, $"only {CorpusFiles.All.Count} corpus files found");

    /// <summary>Every corpus file parses, except the broken ones, which fail with our typed exception saying where.</summary>
    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Parses_unless_broken_and_then_fails_with_tag_and_offset(string name)
    {
        var path = CorpusFiles.PathOf(name);
        if (!MustFail.ContainsKey(name))
        {
            var file = DicomFileReader.Read(path);
            Assert.NotEmpty(file.Dataset);
            return;
        }
        var e = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(path));
        Assert.True(e.Offset >= 0, "a format error must say where");
        if (name.Contains("truncated")) Assert.NotNull(e.Tag);
    }

    /// <summary>dcmtk is the referee for "broken": it must refuse every file we refuse.</summary>
    [Fact]
    public void Dcmtk_refuses_every_file_we_refuse()
    {
        foreach (var name in MustFail.Keys)
        {
            var result = ExternalTool.Run("dcmdump", [CorpusFiles.PathOf(name)]);
            Assert.True(result.ExitCode != 0 || result.StdErr.Contains("E: "), $"dcmdump reads {name}, we refuse it");
        }
    }
}
