namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// Where import and demo store instances: the data directory's own store pipeline (offline, holding the lock)
/// or a running server through STOW-RS. Both take batches and answer one outcome per item, in order.
/// </summary>
public interface IImportTarget : IAsyncDisposable
{
    /// <summary>For messages: "data directory /x" or "server http://...".</summary>
    string Description { get; }

    Task<IReadOnlyList<ImportOutcome>> SendAsync(IReadOnlyList<ImportItem> batch, CancellationToken cancellationToken);
}
