using PacsEdge.Testing;
using System.Diagnostics;
using System.Text.RegularExpressions;
using PacsEdge.Dicom.Dump;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>
/// With UID names on (dcmdump's default, +Un) our dump recognises exactly the UIDs dcmdump recognises:
/// a line may differ from dcmdump's only where both print "=Name", because our names are PS3.6 keywords
/// and dcmtk's are its own (=ExplicitVRLittleEndian where dcmdump says =LittleEndianExplicit).
/// </summary>
public partial class DumpUidNameTests
{
    [GeneratedRegex(@"^(?<head> *\([0-9a-f]{4},[0-9a-f]{4}\) UI )=\S+ +(?<tail>#.*)$")]
    private static partial Regex NamedUidLine();

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Names_the_uids_dcmdump_names(string name)
    {
        var path = CorpusFiles.PathOf(name);
        var (exit, expected) = Dcmdump.Run(path);
        if (exit != 0) return; // dcmdump cannot read it: nothing to compare (counted in DcmdumpCorpusTests)
        var ours = DicomTextDumper.ToString(DicomFileReader.Read(path));
        DcmdumpCorpusTests.Exceptions.TryGetValue(name, out var allowed);
        foreach (var (e, a) in DumpComparison.Differences(expected, ours).Where(d => d.Expected != allowed))
        {
            var x = NamedUidLine().Match(e);
            var y = NamedUidLine().Match(a);
            Assert.True(x.Success && y.Success && x.Groups["head"].Value == y.Groups["head"].Value && x.Groups["tail"].Value == y.Groups["tail"].Value,
                $"{name}:\ndcmdump: {e}\nours:    {a}");
        }
    }

    [Fact]
    public void Uid_table_is_what_the_generator_makes_from_pydicom()
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../server/PacsEdge.Dicom/Dump/generate_uid_names.py"));
        var start = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "generator timed out");
        Assert.True(process.ExitCode == 0, "DicomUidNames.g.cs differs from generate_uid_names.py's output: regenerate it");
    }

    [Fact]
    public void Uid_names_can_be_switched_off_like_dcmdump_minus_Un()
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/CT_small.dcm"));
        Assert.Contains("(0008,0016) UI =CTImageStorage ", DicomTextDumper.ToString(file));
        Assert.Contains("(0008,0016) UI [1.2.840.10008.5.1.4.1.1.2] ", DicomTextDumper.ToString(file, new DicomDumpOptions { MapUidNames = false }));
    }
}
