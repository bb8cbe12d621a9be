using System.Diagnostics;
using System.Text;

namespace PacsEdge.Dicom.Tests.Dump;

/// <summary>Runs the referee, dcmtk's dcmdump, and keeps its output as bytes read as Latin-1 (one char per byte).</summary>
internal static class Dcmdump
{
    public static (int ExitCode, string Output) Run(string path, params string[] flags)
    {
        var start = new ProcessStartInfo("dcmdump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.Latin1,
        };
        foreach (var flag in flags) start.ArgumentList.Add(flag);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dcmdump did not start (install dcmtk)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync(); // drained so a chatty dcmdump cannot block
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"dcmdump {path} took longer than 60 s");
        }
        return (process.ExitCode, stdout.Result);
    }
}
