namespace PacsEdge.Plugins;

/// <summary>One instance that is durable in the blob store and committed in the index.</summary>
public sealed record StoredInstanceEvent(
    string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, string SopClassUid,
    string BlobKey, long SizeBytes, string TransferSyntaxUid, bool Replaced, string Source);

/// <summary>
/// Reacts to stored instances (plugins: routing, AI triggers, audit). Called off the store path, one event at a
/// time, after the instance is acknowledged; an exception is logged and never reaches the sender.
/// An instance already stored with identical bytes is not reported again.
/// </summary>
public interface IStoredInstanceObserver
{
    Task OnInstanceStoredAsync(StoredInstanceEvent stored, CancellationToken cancellationToken);
}
