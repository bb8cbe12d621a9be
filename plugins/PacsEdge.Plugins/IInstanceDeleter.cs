using PacsEdge.Index.Model;

namespace PacsEdge.Plugins;

/// <summary>Deletes a study, a series or an instance: index rows and files together (rows first, then the files).</summary>
public interface IInstanceDeleter
{
    /// <summary>The number of instances removed; 0 when nothing was stored there (WADO-RS DELETE answers 404).</summary>
    Task<int> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default);
}

/// <summary>Instances were deleted below <paramref name="Target"/>.</summary>
public sealed record InstancesDeletedEvent(HierarchyPath Target, int InstanceCount);

/// <summary>Reacts to deletions (plugins drop caches, forwarding queues, audit). Called after the rows are gone; exceptions are logged.</summary>
public interface IDeletedInstancesObserver
{
    Task OnInstancesDeletedAsync(InstancesDeletedEvent deleted, CancellationToken cancellationToken);
}
