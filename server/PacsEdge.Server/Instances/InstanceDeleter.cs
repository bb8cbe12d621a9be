using Microsoft.Extensions.Logging;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Store;

namespace PacsEdge.Server.Instances;

/// <summary>
/// Deletes rows first (one index transaction), then the files they pointed at, then tells the observers. A crash
/// between the two leaves orphan files (what a crash during a store leaves too), never a row without its file.
/// A file whose removal fails is logged and left as an orphan: the deletion the client asked for has happened.
/// </summary>
public sealed class InstanceDeleter(
    IDicomIndex index, StoreService store, IEnumerable<IDeletedInstancesObserver> observers, ILogger<InstanceDeleter> logger) : IInstanceDeleter
{
    private readonly IReadOnlyList<IDeletedInstancesObserver> _observers = observers.ToArray();

    public async Task<int> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default)
    {
        var blobKeys = await index.DeleteAsync(target, cancellationToken);
        if (blobKeys.Count == 0) return 0;
        foreach (var key in blobKeys.Distinct())
        {
            try { await store.RemoveBlobIfUnusedAsync(BlobKey.Parse(key)); }
            catch (Exception e)
            {
                logger.LogError(e, "Could not remove file {BlobKey} of a deleted instance; it stays as an orphan", key);
            }
        }
        logger.LogInformation("Deleted {Count} instances below {Target}", blobKeys.Count, target);
        var deleted = new InstancesDeletedEvent(target, blobKeys.Count);
        foreach (var observer in _observers)
        {
            try { await observer.OnInstancesDeletedAsync(deleted, CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "Observer {Observer} failed on a deletion below {Target}", observer.GetType().Name, target); }
        }
        return blobKeys.Count;
    }
}
