using PacsEdge.Dicom;
using System.Diagnostics;

namespace PacsEdge.Testing;

/// <summary>Runs dcmtk's dcm2json (the referee) as a process, with a timeout.</summary>
public static class Dcm2Json
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>dcm2json's exit code and JSON (compact, no meta: its defaults otherwise).</summary>
    public static (int ExitCode, byte[] Json, string Errors) Run(string path, params string[] extraArguments)
    {
        var output = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("dcm2json") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in extraArguments) start.ArgumentList.Add(a);
            start.ArgumentList.Add("-fc");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add(output);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dcm2json");
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dcm2json {path} took longer than {Timeout}");
            }
            return (process.ExitCode, File.ReadAllBytes(output), errors.Result);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
