using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests.Import;

/// <summary>`pacsedge demo --data DIR` as a real process: one synthetic CT study, stored once however often it runs.</summary>
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_stores_one_dciodvfy_clean_CT_study_and_a_second_run_reports_it_already_stored()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        var first = PacsEdgeProcess.Run("demo", "--data", data);
        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Contains("stored 120, already stored 0, failed 0", first.StdOut);

        var second = PacsEdgeProcess.Run("demo", "--data", data);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("stored 0, already stored 120, failed 0", second.StdOut);

        var indexed = await DataDirectoryInspector.ReadAsync(data);
        Assert.Equal(120, indexed.Count);
        Assert.Single(indexed.Select(i => i.Instance.Path.StudyInstanceUid).Distinct());
        Assert.All(indexed, i => Assert.Equal("1.2.840.10008.5.1.4.1.1.2", i.Instance.SopClassUid));
        Assert.Contains($"study {indexed[0].Instance.Path.StudyInstanceUid}", first.StdOut);

        foreach (var sample in new[] { indexed[0], indexed[^1] })
        {
            var verify = ExternalTool.Run("dciodvfy", [sample.BlobPath]);
            var errors = (verify.StdOut + verify.StdErr).Split('\n').Where(l => l.StartsWith("Error")).ToArray();
            Assert.True(errors.Length == 0, string.Join('\n', errors));
        }
    }
}
