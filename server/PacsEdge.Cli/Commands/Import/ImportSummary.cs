namespace PacsEdge.Cli.Commands.Import;

/// <summary>The counts an import ends with, and each failure with its reason.</summary>
public sealed class ImportSummary
{
    private readonly List<ImportOutcome> _failures = [];

    public int Stored { get; private set; }
    public int AlreadyStored { get; private set; }
    public int SkippedNotDicom { get; init; }
    public IReadOnlyList<ImportOutcome> Failures => _failures;
    public int Done => Stored + AlreadyStored + _failures.Count;

    public void Add(ImportOutcome outcome)
    {
        switch (outcome.Status)
        {
            case ImportStatus.Stored: Stored++; break;
            case ImportStatus.AlreadyStored: AlreadyStored++; break;
            default: _failures.Add(outcome); break;
        }
    }

    public string CountsLine() =>
        $"stored {Stored}, already stored {AlreadyStored}, failed {_failures.Count}, skipped {SkippedNotDicom} (not DICOM)";

    /// <summary>The counts, then one line per failure (at most <paramref name="maxFailures"/>).</summary>
    public void Write(TextWriter output, int maxFailures = 100)
    {
        output.WriteLine(CountsLine());
        foreach (var failure in _failures.Take(maxFailures)) output.WriteLine($"failed: {failure.Name}: {failure.Reason}");
        if (_failures.Count > maxFailures) output.WriteLine($"failed: ... and {_failures.Count - maxFailures} more");
    }
}
