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

    /// <summary>Runs the tool and returns what it did; a tool that is missing or runs too long throws.</summary>
    public static Result Run(string fileName, IEnumerable<string> arguments, int timeoutMs = 60_000, string? workingDirectory = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = stdin is not null,
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
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeoutMs} ms");
            }
            copy.Wait();
            return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
        }
    }

    /// <summary>Like <see cref="Run"/>, but a non-zero exit code throws with the tool's standard error.</summary>
    public static Result RunChecked(string fileName, IEnumerable<string> arguments, int timeoutMs = 60_000, string? stdin = null)
    {
        var args = arguments.ToArray();
        var result = Run(fileName, args, timeoutMs, stdin: stdin);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited with {result.ExitCode}: {result.StdErr}");
        return result;
    }
}
