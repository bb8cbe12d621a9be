using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PacsEdge.Dicom.Tests.Text.Referee;

/// <summary>Runs one of the referee scripts next to this file with /usr/bin/python3 (pydicom 2.3.1), with a timeout.</summary>
public static class PythonReferee
{
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    public static string ScriptPath(string script, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, script);

    /// <summary>The script's standard output; throws with its standard error when it fails or times out.</summary>
    public static string Run(string script, IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath(script));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Python);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
