using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;

namespace PacsEdge.SamplePlugin;

/// <summary>
/// Uses every part of the SDK once: stores through the pipeline, queries the index, reads an instance and a
/// frame, deletes, and records the stored/deleted events it is told about. Routes under /sample.
/// </summary>
public sealed class SamplePlugin : IPacsEdgePlugin
{
    public string Name => "Sample";

    public void ConfigureServices(PluginContext context, IServiceCollection services)
    {
        var events = new SampleEvents(context.Section["Greeting"] ?? "hello");
        services.AddSingleton(events);
        services.AddSingleton<IStoredInstanceObserver>(events);
        services.AddSingleton<IDeletedInstancesObserver>(events);
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sample");
        group.MapGet("/greeting", (SampleEvents events) => events.Greeting);
        group.MapPost("/store", async (HttpRequest request, IStoreService store) =>
        {
            var result = await store.StoreAsync(request.Body, new StoreRequest { Source = "sample" });
            return Results.Ok(new { status = result.Status.ToString(), result.SopInstanceUid, result.FailureReason });
        });
        group.MapGet("/studies", async (IDicomIndex index) =>
        {
            var result = await index.QueryAsync(new IndexQuery(QueryLevel.Study));
            return result.Rows.Select(r => r[PacsEdge.Dicom.DicomTags.StudyInstanceUID]).ToArray();
        });
        group.MapGet("/studies/{study}/first-frame", async (string study, IDicomIndex index, IInstanceReader reader) =>
        {
            var instance = (await index.GetInstancesAsync(HierarchyPath.Study(study))).First();
            var file = await reader.ReadAsync(instance);
            var frame = await reader.ReadFrameAsync(instance, 1);
            return new { rows = file.Dataset.GetSingleValueOrDefault<int>(PacsEdge.Dicom.DicomTags.Rows, 0), frameBytes = frame.Data.Length, frame.FrameCount };
        });
        group.MapDelete("/studies/{study}", async (string study, IInstanceDeleter deleter) => new { deleted = await deleter.DeleteAsync(HierarchyPath.Study(study)) });
        group.MapGet("/events", (SampleEvents events) => new { stored = events.Stored.ToArray(), deleted = events.Deleted.ToArray() });
    }
}

/// <summary>What the plugin was told.</summary>
public sealed class SampleEvents(string greeting) : IStoredInstanceObserver, IDeletedInstancesObserver
{
    public string Greeting { get; } = greeting;
    public ConcurrentQueue<string> Stored { get; } = new();
    public ConcurrentQueue<string> Deleted { get; } = new();

    public Task OnInstanceStoredAsync(StoredInstanceEvent stored, CancellationToken cancellationToken)
    {
        Stored.Enqueue(stored.SopInstanceUid);
        return Task.CompletedTask;
    }

    public Task OnInstancesDeletedAsync(InstancesDeletedEvent deleted, CancellationToken cancellationToken)
    {
        Deleted.Enqueue($"{deleted.Target.StudyInstanceUid}:{deleted.InstanceCount}");
        return Task.CompletedTask;
    }
}
