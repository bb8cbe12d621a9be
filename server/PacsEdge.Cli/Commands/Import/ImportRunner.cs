namespace PacsEdge.Cli.Commands.Import;

/// <summary>Sends items to a target in batches, counting outcomes and reporting progress as each batch returns.</summary>
public static class ImportRunner
{
    public static async Task RunAsync(IImportTarget target, IEnumerable<ImportItem> items, int batchSize,
        ImportSummary summary, ImportProgress progress, CancellationToken cancellationToken)
    {
        foreach (var batch in items.Chunk(Math.Max(1, batchSize)))
        {
            var outcomes = await target.SendAsync(batch, cancellationToken);
            foreach (var outcome in outcomes) summary.Add(outcome);
            progress.Report(summary);
        }
        progress.Finish();
    }
}
