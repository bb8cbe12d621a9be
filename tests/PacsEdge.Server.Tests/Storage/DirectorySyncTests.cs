using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Storage;

/// <summary>The libc open/fsync/close path really runs (File.OpenHandle cannot open a directory).</summary>
public class DirectorySyncTests
{
    [Fact]
    public void Syncing_a_real_directory_succeeds()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("a"), "x");
        PhysicalFileSystem.Instance.SyncDirectory(temp.Path);
        PhysicalFileSystem.Instance.SyncDirectory(temp.Path + "/"); // the same folder, spelt with a slash
    }

    [Fact]
    public void Syncing_a_missing_directory_reports_it()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<DirectoryNotFoundException>(() => PhysicalFileSystem.Instance.SyncDirectory(temp.Combine("missing")));
        Assert.Contains("No such file or directory", e.Message);
    }

    [Fact]
    public void File_OpenHandle_indeed_refuses_a_directory_which_is_why_libc_is_used()
    {
        using var temp = new TempDirectory();
        Assert.ThrowsAny<Exception>(() => File.OpenHandle(temp.Path, FileMode.Open, FileAccess.Read).Dispose());
    }
}
