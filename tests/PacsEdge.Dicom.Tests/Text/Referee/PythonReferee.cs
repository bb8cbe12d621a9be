using PacsEdge.Testing;
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
    public static string Run(string script, IEnumerable<string> arguments, string? stdin = null) =>
        ExternalTool.RunChecked(Python, [ScriptPath(script), .. arguments], (int)Timeout.TotalMilliseconds, stdin).StdOut;
}
