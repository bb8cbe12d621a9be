namespace PacsEdge.Cli.Commands;

/// <summary>One-line reasons on standard error and the exit codes every verb uses.</summary>
public static class CliErrors
{
    public const int Ok = 0;
    /// <summary>The input is not valid DICOM (or cannot be read).</summary>
    public const int BadInput = 1;
    /// <summary>The server could not start (data directory in use, bad configuration, address in use).</summary>
    public const int StartFailed = 2;

    public static int Fail(TextWriter error, string subject, string reason)
    {
        error.WriteLine($"pacsedge: {subject}: {reason}");
        return BadInput;
    }
}
