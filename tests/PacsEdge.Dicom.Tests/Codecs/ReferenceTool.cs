using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>
/// Runs a referee command-line tool (dcmtk, python3) with a timeout. A missing tool fails the test
/// with the package to install; it never skips it.
/// </summary>
internal static class ReferenceTool
{
    public static string Run(string tool, params string[] args) => RunWithTimeout(tool, TimeSpan.FromSeconds(60), args);

    public static string RunWithTimeout(string tool, TimeSpan timeout, params string[] args) =>
        ExternalTool.RunChecked(tool, args, (int)timeout.TotalMilliseconds).StdOut;
}

/// <summary>A temporary directory per test class, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pacsedge-codecs-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
