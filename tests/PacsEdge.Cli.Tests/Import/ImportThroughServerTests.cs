using System.Text.Json;
using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests.Import;

/// <summary>
/// `pacsedge import DIR --server URL` and `pacsedge demo --server URL` as real processes against a real server (the
/// host with the DICOMweb plugin on Kestrel): the STOW-RS client reads PacsEdge's own responses (200/202/409,
/// WarningReason 0xB111 for an identical instance already stored, FailureReason per refused part).
/// </summary>
public class ImportThroughServerTests
{
    private static async Task<int> QidoCountAsync(InProcessServer server, string path)
    {
        var body = await server.Client.GetStringAsync(path);
        return body.Length == 0 ? 0 : JsonDocument.Parse(body).RootElement.GetArrayLength();
    }

    private static string Url(InProcessServer server) => server.Client.BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task Import_through_a_server_stores_what_the_pipeline_accepts_reports_each_failure_and_a_second_run_finds_all_stored()
    {
        using var temp = new TempDirectory();
        var folder = ImportCommandTests.BuildFolder(temp);
        var (expectStored, expectFailed) = await ImportCommandTests.PipelineVerdictAsync(folder, temp.Combine("reference"));
        Assert.True(expectStored > 50 && expectFailed > 3, $"corpus gives {expectStored} stored, {expectFailed} failed");

        await using var server = await InProcessServer.StartAsync();
        var first = PacsEdgeProcess.Run("import", folder, "--server", Url(server), "--batch", "7");
        Assert.True(first.ExitCode == 1, first.StdErr); // some corpus files are refused
        Assert.Contains($"stored {expectStored}, already stored 0, failed {expectFailed}, skipped 3 (not DICOM)", first.StdOut);
        var failures = first.StdOut.Split('\n').Where(l => l.StartsWith("failed: ")).ToArray();
        Assert.Equal(expectFailed, failures.Length);
        // Each names its file and a reason with the code's name, e.g. "failure reason 0xC000 (cannot understand)".
        Assert.All(failures, l => Assert.Matches(@"^failed: /.+: failure reason 0x[0-9A-F]{4} \([a-z ]+\)$", l));

        Assert.Equal(expectStored, await QidoCountAsync(server, "/dicom-web/instances?limit=1000"));

        var second = PacsEdgeProcess.Run("import", folder, "--server", Url(server), "--batch", "50");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"stored 0, already stored {expectStored}, failed {expectFailed}, skipped 3 (not DICOM)", second.StdOut);
        Assert.Equal(expectStored, await QidoCountAsync(server, "/dicom-web/instances?limit=1000"));
    }

    [Fact]
    public async Task Import_of_a_good_file_and_two_truncated_ones_exits_1_names_each_bad_one_and_stores_the_good_one()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("in");
        Directory.CreateDirectory(folder);
        File.Copy(CorpusFiles.PathOf("test_files/CT_small.dcm"), Path.Combine(folder, "a-good.dcm"));
        var mr = File.ReadAllBytes(CorpusFiles.PathOf("test_files/MR_small.dcm"));
        File.WriteAllBytes(Path.Combine(folder, "b-truncated.dcm"), mr[..(mr.Length / 2)]); // cut inside its pixel data
        // A damaged copy of the good file: the same SOP Instance UID in its header, which the server cannot name.
        var ct = File.ReadAllBytes(CorpusFiles.PathOf("test_files/CT_small.dcm"));
        File.WriteAllBytes(Path.Combine(folder, "c-ct-cut.dcm"), ct[..(ct.Length / 2)]);

        await using var server = await InProcessServer.StartAsync();
        var run = PacsEdgeProcess.Run("import", folder, "--server", Url(server));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stored 1, already stored 0, failed 2, skipped 0 (not DICOM)", run.StdOut);
        var failures = run.StdOut.Split('\n').Where(l => l.StartsWith("failed: ")).ToArray();
        Assert.Equal(2, failures.Length);
        Assert.EndsWith("b-truncated.dcm: failure reason 0xC000 (cannot understand)", failures[0]);
        Assert.EndsWith("c-ct-cut.dcm: failure reason 0xC000 (cannot understand)", failures[1]);

        Assert.Equal(1, await QidoCountAsync(server, "/dicom-web/instances"));
        File.Delete(Path.Combine(folder, "b-truncated.dcm"));
        File.Delete(Path.Combine(folder, "c-ct-cut.dcm"));
        var clean = PacsEdgeProcess.Run("import", folder, "--server", Url(server));
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("stored 0, already stored 1, failed 0", clean.StdOut);
    }

    [Fact]
    public void Import_to_a_server_that_does_not_answer_fails_every_file_with_the_reason_and_exits_1()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("in");
        Directory.CreateDirectory(folder);
        File.Copy(CorpusFiles.PathOf("test_files/CT_small.dcm"), Path.Combine(folder, "ct.dcm"));
        var run = PacsEdgeProcess.Run("import", folder, "--server", "http://127.0.0.1:1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stored 0, already stored 0, failed 1", run.StdOut);
        Assert.Contains("failed: " + Path.Combine(folder, "ct.dcm") + ": ", run.StdOut);
        Assert.Contains("refused", run.StdOut, StringComparison.OrdinalIgnoreCase); // "Connection refused"

        var notHttp = PacsEdgeProcess.Run("import", folder, "--server", "ftp://127.0.0.1");
        Assert.Equal(1, notHttp.ExitCode);
        Assert.Contains("not an http:// or https:// address", notHttp.StdErr);
    }

    [Fact]
    public async Task Demo_through_a_server_stores_120_slices_QIDO_finds_them_and_a_second_run_reports_them_already_stored()
    {
        await using var server = await InProcessServer.StartAsync();
        var first = PacsEdgeProcess.Run("demo", "--server", Url(server));
        Assert.True(first.ExitCode == 0, first.StdOut + first.StdErr);
        Assert.Contains("stored 120, already stored 0, failed 0", first.StdOut);
        var study = first.StdOut.Split('\n').Single(l => l.StartsWith("study ")).Substring("study ".Length).Trim();

        using var studies = JsonDocument.Parse(await server.Client.GetStringAsync($"/dicom-web/studies?StudyInstanceUID={study}"));
        var row = Assert.Single(studies.RootElement.EnumerateArray());
        Assert.Equal("120", row.GetProperty("00201208").GetProperty("Value")[0].GetRawText()); // NumberOfStudyRelatedInstances
        Assert.Equal("PHANTOM^CHEST", row.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());

        var second = PacsEdgeProcess.Run("demo", "--server", Url(server), "--batch", "25");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("stored 0, already stored 120, failed 0", second.StdOut);
        Assert.Equal(120, await QidoCountAsync(server, $"/dicom-web/instances?StudyInstanceUID={study}&limit=1000"));
    }
}
