using System.Diagnostics;
using System.Text;

namespace PacsEdge.Testing;

/// <summary>Runs a referee tool (dcmtk, pydicom, dciodvfy) or our own command as a process with a timeout.</summary>
public static class ExternalTool
{
    /// <summary>Standard output is kept as bytes (dcmdump prints Latin-1); <see cref="StdOut"/> reads them as UTF-8.</summary>
    public sealed record Result(int ExitCode, byte[] StdOutBytes, string StdErr)
    {
        public string StdOut => Encoding.UTF8.GetString(StdOutBytes);
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, int timeoutMs = 60_000, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{fileName} is not installed ({e.Message}); run scripts/install-prerequisites.sh --test", e);
        }
        using (process)
        {
            var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeoutMs} ms");
            }
            copy.Wait();
            return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
        }
    }
}
