namespace PacsEdge.Testing;

/// <summary>Runs dcmtk's dcm2json (the referee) as a process, with a timeout.</summary>
public static class Dcm2Json
{
    /// <summary>dcm2json's exit code and JSON (compact, no meta: its defaults otherwise).</summary>
    public static (int ExitCode, byte[] Json, string Errors) Run(string path, params string[] extraArguments)
    {
        // Written to a file rather than read from stdout: dcm2json writes its errors there too.
        var output = Path.GetTempFileName();
        try
        {
            var result = ExternalTool.Run("dcm2json", [.. extraArguments, "-fc", path, output]);
            return (result.ExitCode, File.ReadAllBytes(output), result.StdErr);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
