using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PacsEdge.Dicom.IO;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Phantom;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Health;

namespace PacsEdge.Cli.Commands.Demo;

/// <summary>
/// `pacsedge serve --demo`: once the server listens and is ready to store, puts the demo study (the one
/// `pacsedge demo` writes) through the store pipeline unless all of its slices are indexed already. It runs in
/// the background, so the server answers from the start; a failure is logged and the server keeps serving.
/// </summary>
public sealed class DemoStudySeeder(IHostApplicationLifetime lifetime, ReadinessState readiness, IDicomIndex index,
    IStoreService store, ILogger<DemoStudySeeder> logger) : BackgroundService
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitUntilStartedAndReadyAsync(stoppingToken);
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e) when (e is PacsEdgeException or IOException)
        {
            logger.LogWarning(e, "Demo study: not stored ({Reason})", e.Message);
        }
    }

    private async Task WaitUntilStartedAndReadyAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        while (!readiness.IsReady) await Task.Delay(ReadyPoll, stoppingToken);
    }

    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        var study = DemoCommand.Study;
        var uids = SyntheticCtUids.For(study.Seed);
        var present = await index.GetInstancesAsync(HierarchyPath.Study(uids.StudyInstanceUid), stoppingToken);
        if (present.Count >= study.Slices)
        {
            logger.LogInformation("Demo study {StudyInstanceUid} ({PatientName}): already stored, {Count} instances", uids.StudyInstanceUid, study.PatientName, present.Count);
            return;
        }
        logger.LogInformation("Demo study {StudyInstanceUid} ({PatientName}): storing {Slices} slices", uids.StudyInstanceUid, study.PatientName, study.Slices);
        int done = 0, failed = 0;
        foreach (var file in SyntheticCtSeries.Generate(study))
        {
            using var bytes = new MemoryStream(DicomFileWriter.ToBytes(file), writable: false);
            var result = await store.StoreAsync(bytes, new StoreRequest { Source = "demo" }, stoppingToken);
            if (!result.Succeeded)
            {
                failed++;
                logger.LogWarning("Demo study: slice {Slice} failed: {Reason}", done + 1, result.Reason);
            }
            if (++done % 40 == 0 && done < study.Slices) logger.LogInformation("Demo study: {Done}/{Slices} slices", done, study.Slices);
        }
        logger.LogInformation("Demo study {StudyInstanceUid}: {Stored} of {Slices} slices stored; the viewer: {ViewerPath}",
            uids.StudyInstanceUid, study.Slices - failed, study.Slices, "/ohif/viewer?StudyInstanceUIDs=" + uids.StudyInstanceUid);
    }
}
