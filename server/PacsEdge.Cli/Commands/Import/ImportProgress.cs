namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// Progress on standard error: a bar redrawn in place when stderr is a terminal, otherwise a plain line every
/// <see cref="LineEvery"/> files (logs and CI keep one line per step, not carriage returns).
/// </summary>
public sealed class ImportProgress(TextWriter error, bool interactive, int total, string verb = "import")
{
    public const int LineEvery = 100;
    private const int BarWidth = 30;
    private int _lastLine;

    public static ImportProgress ForConsole(int total, string verb) => new(Console.Error, !Console.IsErrorRedirected, total, verb);

    public void Report(ImportSummary summary)
    {
        int done = summary.Done;
        if (interactive)
        {
            int filled = total == 0 ? BarWidth : (int)((long)BarWidth * done / total);
            error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {done}/{total}  {summary.CountsLine()}");
            error.Flush();
        }
        else if (done - _lastLine >= LineEvery || (done == total && done != _lastLine))
        {
            _lastLine = done;
            error.WriteLine($"{verb}: {done}/{total} files; {summary.CountsLine()}");
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on its own.</summary>
    public void Finish()
    {
        if (interactive) error.WriteLine();
    }
}
