using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Plugins;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Hosting;
using PacsEdge.Server.Store;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// The server's own services built on the data directory without listening: the same configuration, lock,
/// blob store, index and store pipeline as `pacsedge serve`. Building takes the data directory's exclusive
/// lock, so a running server makes it fail (PacsEdgeException DataDirectoryLocked) instead of two writers
/// sharing one index. Only the observer queue is started, so plugins still hear of stored instances.
/// </summary>
public sealed class OfflineImportTarget : IImportTarget
{
    /// <summary>Instances stored at once: the pipeline is fsync-bound, so a little overlap helps and more does not.</summary>
    private const int Parallelism = 4;

    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    private readonly IStoreService _store;
    private readonly StoredInstanceNotifier _notifier;

    private OfflineImportTarget(Microsoft.AspNetCore.Builder.WebApplication app, string dataDirectory)
    {
        _app = app;
        _store = app.Services.GetRequiredService<IStoreService>();
        _notifier = app.Services.GetRequiredService<StoredInstanceNotifier>();
        Description = "data directory " + dataDirectory;
    }

    public string Description { get; }

    /// <param name="dataDirectory">--data, or null for the configured one (Storage:DataDirectory)</param>
    public static async Task<OfflineImportTarget> OpenAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var settings = new HostSettings
        {
            DataDirectory = dataDirectory,
            // The summary goes to standard output; the server's JSON logs would bury it. Warnings and errors stay, on stderr.
            Overrides = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
                ["Logging:Console:FormatterName"] = "simple",
                ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            },
        };
        var app = PacsEdgeHost.Build(settings);
        var data = app.Services.GetRequiredService<PacsEdge.Server.Storage.DataDirectory>().Root;
        var target = new OfflineImportTarget(app, data);
        await target._notifier.StartAsync(cancellationToken);
        return target;
    }

    public async Task<IReadOnlyList<ImportOutcome>> SendAsync(IReadOnlyList<ImportItem> batch, CancellationToken cancellationToken)
    {
        var outcomes = new ImportOutcome[batch.Count];
        await Parallel.ForAsync(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await StoreAsync(batch[i], ct));
        return outcomes;
    }

    private async Task<ImportOutcome> StoreAsync(ImportItem item, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = item.Open();
            var result = await _store.StoreAsync(stream, new StoreRequest { Source = "import" }, cancellationToken);
            return result.Status switch
            {
                StoreStatus.Stored => new ImportOutcome(item.Name, ImportStatus.Stored),
                StoreStatus.AlreadyStored => new ImportOutcome(item.Name, ImportStatus.AlreadyStored),
                _ => new ImportOutcome(item.Name, ImportStatus.Failed, $"{result.Reason} (failure reason 0x{result.FailureReason:X4})"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportOutcome(item.Name, ImportStatus.Failed, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _notifier.StopAsync(CancellationToken.None);
        await _app.DisposeAsync(); // releases the data directory's lock
    }
}
