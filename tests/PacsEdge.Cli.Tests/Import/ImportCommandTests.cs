using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Plugins;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Hosting;
using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests.Import;

/// <summary>`pacsedge import DIR --data DIR` as a real process over a folder of pydicom's corpus files and junk.</summary>
public class ImportCommandTests
{
    /// <summary>Corpus files with distinct SOP Instance UIDs (so arrival order cannot change the outcome), good and bad.</summary>
    internal static string BuildFolder(TempDirectory temp)
    {
        var folder = temp.Combine("in");
        Directory.CreateDirectory(Path.Combine(folder, "sub", "deeper"));
        var seen = new HashSet<string>();
        int n = 0;
        foreach (var path in CorpusFiles.All)
        {
            if (!HasDicm(path)) continue;
            string? uid;
            try { uid = DicomFileReader.Read(path, DicomReaderOptions.UntilPixelData).Dataset.GetString(DicomTags.SOPInstanceUID); }
            catch (DicomFormatException) { uid = "unreadable-" + path; }
            if (uid is null || !seen.Add(uid)) continue;
            var sub = (n++ % 3) switch { 0 => "", 1 => "sub", _ => Path.Combine("sub", "deeper") };
            File.Copy(path, Path.Combine(folder, sub, $"{n:D3}-{Path.GetFileName(path)}"));
        }
        File.WriteAllText(Path.Combine(folder, "README.txt"), "not DICOM");
        File.WriteAllBytes(Path.Combine(folder, "sub", "tiny.bin"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(folder, "sub", "deeper", "raw-dataset.dcm"), new byte[200]); // no DICM at 128
        return folder;
    }

    internal static bool HasDicm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length >= 132 && bytes.AsSpan(128, 4).SequenceEqual("DICM"u8);
    }

    /// <summary>What the store pipeline itself says of each file (an in-process host on its own data directory).</summary>
    internal static async Task<(int Stored, int Failed)> PipelineVerdictAsync(string folder, string data)
    {
        await using var app = PacsEdgeHost.Build(new HostSettings { DataDirectory = data, Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" } });
        var store = app.Services.GetRequiredService<IStoreService>();
        int stored = 0, failed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(HasDicm))
        {
            await using var file = File.OpenRead(path);
            if ((await store.StoreAsync(file, StoreRequest.Default)).Succeeded) stored++;
            else failed++;
        }
        return (stored, failed);
    }

    [Fact]
    public async Task Import_stores_what_the_pipeline_accepts_skips_non_DICOM_and_a_second_run_finds_everything_stored()
    {
        using var temp = new TempDirectory();
        var folder = BuildFolder(temp);
        var (expectStored, expectFailed) = await PipelineVerdictAsync(folder, temp.Combine("reference"));
        Assert.True(expectStored > 50 && expectFailed > 3, $"corpus gives {expectStored} stored, {expectFailed} failed");

        var data = temp.Combine("data");
        var first = PacsEdgeProcess.Run("import", folder, "--data", data, "--batch", "7");
        Assert.Equal(1, first.ExitCode); // some corpus files are refused
        Assert.Contains($"stored {expectStored}, already stored 0, failed {expectFailed}, skipped 3 (not DICOM)", first.StdOut);
        Assert.Equal(expectFailed, first.StdOut.Split('\n').Count(l => l.StartsWith("failed: ")));
        Assert.Contains("failure reason 0x", first.StdOut);
        Assert.Contains("import: ", first.StdErr); // plain progress lines when stderr is not a terminal

        var indexed = await DataDirectoryInspector.ReadAsync(data);
        Assert.Equal(expectStored, indexed.Count);
        Assert.All(indexed, i => Assert.Equal(i.Instance.BlobKey, i.BlobSha256));

        var second = PacsEdgeProcess.Run("import", folder, "--data", data);
        Assert.Contains($"stored 0, already stored {expectStored}, failed {expectFailed}, skipped 3 (not DICOM)", second.StdOut);

        var topOnly = PacsEdgeProcess.Run("import", folder, "--data", data, "--recursive", "false");
        var topFiles = Directory.EnumerateFiles(folder).Count(HasDicm);
        Assert.Contains("skipped 1 (not DICOM)", topOnly.StdOut);
        Assert.True(topOnly.StdErr.Contains($"{topFiles} DICOM files"), topOnly.StdErr);
    }

    [Fact]
    public void Import_of_a_clean_folder_exits_0_and_a_missing_folder_or_two_destinations_exit_1()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("clean");
        Directory.CreateDirectory(folder);
        File.Copy(CorpusFiles.PathOf("test_files/CT_small.dcm"), Path.Combine(folder, "ct.dcm"));
        var ok = PacsEdgeProcess.Run("import", folder, "--data", temp.Combine("data"));
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("stored 1, already stored 0, failed 0, skipped 0 (not DICOM)", ok.StdOut);

        var missing = PacsEdgeProcess.Run("import", temp.Combine("nothing-here"), "--data", temp.Combine("data"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such folder", missing.StdErr);

        var both = PacsEdgeProcess.Run("import", folder, "--data", temp.Combine("data"), "--server", "http://127.0.0.1:1");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("not both", both.StdErr);
    }

    [Fact]
    public async Task Import_into_a_data_directory_a_server_holds_is_refused_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        var folder = temp.Combine("in");
        Directory.CreateDirectory(folder);
        File.Copy(CorpusFiles.PathOf("test_files/CT_small.dcm"), Path.Combine(folder, "ct.dcm"));
        await using (var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }))
        {
            var refused = PacsEdgeProcess.Run("import", folder, "--data", data);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is in use by another PacsEdge process", refused.StdErr);
            Assert.Contains("--server", refused.StdErr);
            Assert.Equal("", refused.StdOut);
        }
        var afterwards = PacsEdgeProcess.Run("import", folder, "--data", data);
        Assert.Equal(0, afterwards.ExitCode);
    }
}
