using PacsEdge.Dicom.IO;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.IO;

/// <summary>
/// dicom3tools' dciodvfy (an IOD and encoding checker nobody here wrote) finds nothing in a file we
/// rewrote that it did not already find in the original: the writer adds no encoding errors.
/// </summary>
public class WriterValidityTests
{
    [Theory]
    [MemberData(nameof(RoundTripTests.Readable), MemberType = typeof(RoundTripTests))]
    public void Rewritten_file_has_no_new_dciodvfy_findings(string name)
    {
        var original = CorpusFiles.PathOf(name);
        var file = DicomFileReader.Read(original);
        var dir = Directory.CreateTempSubdirectory("pacsedge-dciodvfy");
        try
        {
            var rewritten = Path.Combine(dir.FullName, "rewritten.dcm");
            DicomFileWriter.Write(rewritten, file, new DicomWriterOptions
            {
                TransferSyntax = file.TransferSyntax.IsEncapsulated ? null : TransferSyntax.ExplicitVRLittleEndian,
            });
            // dciodvfy cannot read Deflated Explicit VR LE: judge dcmtk's inflated copy instead.
            var baseline = original;
            if (file.TransferSyntax.IsDeflated)
            {
                baseline = Path.Combine(dir.FullName, "inflated-by-dcmtk.dcm");
                ExternalTool.RunChecked("dcmconv", ["+te", original, baseline]);
            }
            var before = Findings(baseline);
            var after = Findings(rewritten);
            var added = after.Except(before).ToList();
            Assert.True(added.Count == 0, "new dciodvfy findings:\n" + string.Join('\n', added));
        }
        finally { dir.Delete(true); }
    }

    /// <summary>dciodvfy's Error and Warning lines (it prints them on standard error).</summary>
    private static HashSet<string> Findings(string path)
    {
        var result = ExternalTool.Run("dciodvfy", [path]);
        return result.StdErr.Split('\n')
            .Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal))
            .ToHashSet();
    }
}
