using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Hosting;

public class DataDirectoryTests
{
    [Fact]
    public void Opening_creates_the_documented_layout_and_the_lock_file()
    {
        using var temp = new TempDirectory();
        var root = temp.Combine("a", "b", "data");
        using var data = DataDirectory.Open(root);
        Assert.Equal(["audit", "blobs", "index", "keys", "models", "tmp"], Directory.GetDirectories(root).Select(d => Path.GetFileName(d)!).Order().ToArray());
        Assert.Equal(Path.Combine(root, DataDirectoryLock.FileName), data.LockFile);
    }

    [Fact]
    public void A_second_open_is_refused_until_the_first_is_disposed()
    {
        using var temp = new TempDirectory();
        var first = DataDirectory.Open(temp.Path);
        var e = Assert.Throws<PacsEdgeException>(() => DataDirectory.Open(temp.Path));
        Assert.Equal(ErrorCode.DataDirectoryLocked, e.Code);
        Assert.Contains(temp.Path, e.Message);
        first.Dispose();
        DataDirectory.Open(temp.Path).Dispose();
    }

    [Fact]
    public void Temp_files_a_crash_left_behind_are_removed_but_blobs_are_kept()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("tmp"));
        Directory.CreateDirectory(temp.Combine("blobs", "ab", "cd"));
        File.WriteAllText(temp.Combine("tmp", "half-written.tmp"), "x");
        File.WriteAllText(temp.Combine("blobs", "ab", "cd", "abcd"), "y");
        using var data = DataDirectory.Open(temp.Path);
        Assert.Empty(TempDirectory.FilesUnder(data.Tmp));
        Assert.Single(TempDirectory.FilesUnder(data.Blobs));
    }

    [Fact]
    public void A_data_directory_that_cannot_be_created_is_DataDirectoryUnusable()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "a file where a folder should be");
        var e = Assert.Throws<PacsEdgeException>(() => DataDirectory.Open(temp.Combine("file", "data")));
        Assert.Equal(ErrorCode.DataDirectoryUnusable, e.Code);
    }
}
