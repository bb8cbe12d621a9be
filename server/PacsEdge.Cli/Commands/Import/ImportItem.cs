namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// One instance to store: a name for the report (a path, or "slice 12"), a way to open its Part 10 bytes (it may
/// be opened more than once), and its SOP Instance UID when the caller already knows it.
/// </summary>
public sealed record ImportItem(string Name, Func<Stream> Open, string? SopInstanceUid = null);

public enum ImportStatus
{
    Stored,
    /// <summary>The identical instance was stored before (success, nothing new written).</summary>
    AlreadyStored,
    Failed,
}

/// <summary>What became of one item, with the reason of a failure.</summary>
public sealed record ImportOutcome(string Name, ImportStatus Status, string? Reason = null);
