using System.Text;
using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests;

public class DumpTextTests
{
    /// <summary>
    /// With UIDs as numbers and text as stored, the text dump is byte for byte dcmdump -Un's. (The
    /// library's corpus test covers every file, with FL/FD compared as numbers because dcmtk sometimes
    /// prints one digit more than %g, e.g. in CT_small.dcm; these files have no such value.)
    /// </summary>
    [Theory]
    [InlineData("test_files/rtstruct.dcm")]
    [InlineData("test_files/rtplan.dcm")]
    [InlineData("test_files/MR_small_bigendian.dcm")]
    [InlineData("charset_files/chrFren.dcm")]
    public void Text_dump_equals_dcmdump(string name)
    {
        var path = CorpusFiles.PathOf(name);
        var ours = PacsEdgeProcess.Run("dump", "--no-uid-names", "--raw-text", path);
        var theirs = ExternalTool.Run("dcmdump", ["-Un", path]);
        Assert.Equal(0, theirs.ExitCode);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(Encoding.Latin1.GetString(theirs.StdOutBytes), Encoding.Latin1.GetString(ours.StdOutBytes));
    }

    [Fact]
    public void Text_is_decoded_through_the_specific_character_set_by_default()
    {
        var result = PacsEdgeProcess.Run("dump", CorpusFiles.PathOf("charset_files/chrH31.dcm"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(0010,0010) PN [Yamada^Tarou=山田^太郎=やまだ^たろう]", result.StdOut);
    }

    [Theory]
    [InlineData("test_files/MR_truncated.dcm", "(7FE0,0010)")]
    [InlineData("test_files/README.txt", "not a DICOM file")]
    public void Bad_files_exit_1_with_one_line_naming_file_and_reason(string name, string reasonPart)
    {
        foreach (var args in new[] { new[] { "dump" }, new[] { "dump", "--json" } })
        {
            var result = PacsEdgeProcess.Run([.. args, CorpusFiles.PathOf(name)]);
            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.StdOut);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"pacsedge: {Path.GetFileName(name)}: ", line);
            Assert.Contains(reasonPart, line);
            Assert.Contains("at byte", line);
        }
    }

    [Fact]
    public void Missing_file_exits_1_with_a_reason()
    {
        var result = PacsEdgeProcess.Run("dump", "/nonexistent/file.dcm");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file.dcm", result.StdErr);
    }
}
