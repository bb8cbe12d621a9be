using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Serve;

/// <summary>
/// The durable write order seen by the kernel, not by our seam: `pacsedge serve` runs under strace, and its
/// start-up probe blob (written through the real blob store) must show write → fsync of the temp file →
/// rename into blobs/ → fsync of the blob's folder, in that order.
/// </summary>
public class SyscallOrderTests
{
    [Fact]
    public async Task Kernel_sees_write_fsync_rename_then_directory_fsync()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        var trace = temp.Combine("strace.txt");
        using var server = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", data], wrapper:
        [
            "strace", "-f", "-y", "-o", trace,
            "-e", "trace=openat,write,pwrite64,writev,pwritev,pwritev2,fsync,fdatasync,rename,renameat,renameat2",
        ]);
        await server.WaitUntilReadyAsync();
        var serverPid = int.Parse(ExternalTool.RunChecked("cat", [Path.Combine(data, DataDirectoryLock.FileName)]).StdOut.Trim());
        ServerProcess.Signal("TERM", serverPid);
        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = File.ReadAllLines(trace);
        var tmp = Path.Combine(data, "tmp") + "/";
        var rename = Array.FindIndex(lines, l => l.Contains("rename") && l.Contains($"\"{tmp}") && l.Contains(Path.Combine(data, "blobs")));
        Assert.True(rename >= 0, "no rename from tmp/ into blobs/ in the trace");
        var tempFile = lines[rename].Split('"')[1];
        var blobFolder = Path.GetDirectoryName(lines[rename].Split('"')[3])!;

        // With -y strace prints each descriptor with its path: fsync(182</…/tmp/x.tmp>).
        var write = Array.FindIndex(lines, l => l.Contains("write") && l.Contains($"<{tempFile}>"));
        var fileSync = Array.FindIndex(lines, l => l.Contains("fsync(") && l.Contains($"<{tempFile}>"));
        var folderSync = Array.FindIndex(lines, rename, l => l.Contains("fsync(") && l.Contains($"<{blobFolder}>"));
        Assert.True(write >= 0 && fileSync >= 0 && folderSync >= 0, $"write {write}, fsync {fileSync}, folder fsync {folderSync}");
        Assert.True(write < fileSync && fileSync < rename && rename < folderSync, $"order: write {write}, fsync {fileSync}, rename {rename}, folder fsync {folderSync}");
    }
}
