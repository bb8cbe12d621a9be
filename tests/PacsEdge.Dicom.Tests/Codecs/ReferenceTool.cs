using System.Diagnostics;

namespace PacsEdge.Dicom.Tests.Codecs;

/// <summary>
/// Runs a referee command-line tool (dcmtk, python3) with a timeout. A missing tool fails the test
/// with the package to install; it never skips it.
/// </summary>
internal static class ReferenceTool
{
    public static string Run(string tool, params string[] args) => RunWithTimeout(tool, TimeSpan.FromSeconds(60), args);

    public static string RunWithTimeout(string tool, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            var package = tool.StartsWith("dcm", StringComparison.Ordinal) ? "dcmtk" : tool;
            throw new InvalidOperationException($"{tool} is not installed: apt-get install {package}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', args)} ran longer than {timeout}");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }
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
