using PacsEdge.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Store;

/// <summary>
/// The store pipeline: blob → parse → validate → index → notify.
///
/// Crash consistency (one pattern, as Orthanc's store path): the blob is made durable first, the index row is
/// committed second, and the store is acknowledged only after both. A crash between the two leaves an orphan
/// blob (no row points at it; `verify-storage` will find and remove those), never an index row without its
/// blob. Every failure after the blob write removes the blob if this call created it and no index row
/// references it. An overwrite deletes the old blob only after the index commit that stopped referencing it.
/// </summary>
public sealed class StoreService(
    IBlobStore blobs, IDicomIndex index, IStoreDatasetValidator validator, StoredInstanceNotifier notifier,
    IOptions<StorageOptions> storageOptions, IndexOptions indexOptions, ILogger<StoreService> logger) : IStoreService
{
    /// <summary>Values at least this long stay in the blob (file ranges): the header is parsed, pixel data is never loaded.</summary>
    private const long LazyValueThreshold = 4096;

    private readonly BlobLeases _leases = new();
    private readonly DuplicatePolicy _onDuplicate = storageOptions.Value.OnDuplicate;

    /// <summary>Deletes a blob no index row references any more, unless a store in flight is about to index the same bytes.</summary>
    internal Task RemoveBlobIfUnusedAsync(BlobKey key) =>
        _leases.RemoveIfUnusedAsync(key, () => blobs.DeleteAsync(key, CancellationToken.None));

    public async Task<StoreResult> StoreAsync(Stream instance, StoreRequest context, CancellationToken cancellationToken = default)
    {
        StoredBlob blob;
        try { blob = await blobs.WriteAsync(instance, cancellationToken); }
        catch (PacsEdgeException e) when (e.Code == ErrorCode.StorageFull)
        {
            return StoreResult.Failure(FailureReasonCodes.OutOfResources, "the data directory is full; the instance was not stored");
        }
        catch (PacsEdgeException e) when (e.Code == ErrorCode.StorageFailure)
        {
            logger.LogError(e, "Writing an instance to the blob store failed");
            return StoreResult.Failure(FailureReasonCodes.ProcessingFailure, "the instance could not be written to storage");
        }

        if (!await _leases.AcquireAsync(blob.Key, blob.AlreadyExisted, () => blobs.ExistsAsync(blob.Key, CancellationToken.None)))
            return StoreResult.Failure(FailureReasonCodes.ProcessingFailure,
                "a concurrent store of the identical bytes failed and removed them; send the instance again");
        StoreResult? result = null;
        try
        {
            result = await ParseValidateIndexAsync(blob, context, cancellationToken);
            return result;
        }
        finally
        {
            var keep = result is { Succeeded: true };
            var identity = result is null ? null : new StoreDatasetIdentity(result.SopClassUid, result.SopInstanceUid, result.StudyInstanceUid, result.SeriesInstanceUid);
            await _leases.ReleaseAsync(blob.Key, keep || blob.AlreadyExisted ? null : () => RemoveUnreferencedAsync(blob.Key, identity));
        }
    }

    private async Task<StoreResult> ParseValidateIndexAsync(StoredBlob blob, StoreRequest context, CancellationToken cancellationToken)
    {
        DicomFile file;
        try { file = await ReadHeaderAsync(blob.Key, cancellationToken); }
        catch (Exception e) when (e is DicomFormatException or InvalidDataException or EndOfStreamException)
        {
            return StoreResult.Failure(FailureReasonCodes.CannotUnderstand, $"not a readable DICOM instance: {e.Message}");
        }
        catch (PacsEdgeException e)
        {
            logger.LogError(e, "Reading back blob {BlobKey} failed", blob.Key);
            return StoreResult.Failure(FailureReasonCodes.ProcessingFailure, "the stored instance could not be read back");
        }

        var identity = new StoreDatasetIdentity(
            StoreDatasetValidator.ReadUid(file.Dataset, DicomTags.SOPClassUID), StoreDatasetValidator.ReadUid(file.Dataset, DicomTags.SOPInstanceUID),
            StoreDatasetValidator.ReadUid(file.Dataset, DicomTags.StudyInstanceUID), StoreDatasetValidator.ReadUid(file.Dataset, DicomTags.SeriesInstanceUID));
        var verdict = validator.Validate(file, context);
        if (!verdict.IsValid) return StoreResult.Failure(verdict.FailureReason!.Value, verdict.Reason!, identity);

        InstanceRecord record;
        try { record = InstanceRecordFactory.FromDataset(file.Dataset, blob.Key.Value, blob.Size, blob.Sha256, file.TransferSyntax.Uid, indexOptions); }
        catch (Exception e) when (e is ArgumentException or DicomFormatException)
        {
            return StoreResult.Failure(FailureReasonCodes.DataSetDoesNotMatchSopClass, $"the instance's attributes cannot be indexed: {e.Message}", identity);
        }

        return await IndexAsync(record, blob, identity, context, cancellationToken);
    }

    /// <summary>Parses the stored file: the whole data set, values of 4 KiB and more left in the file (so a truncated file is caught without loading pixel data).</summary>
    private async Task<DicomFile> ReadHeaderAsync(BlobKey key, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(key, cancellationToken: cancellationToken);
        var options = stream is FileStream
            ? new DicomReaderOptions { LazyValueThreshold = LazyValueThreshold }
            : DicomReaderOptions.UntilPixelData; // no file to point lazy values at: stop before the pixel data instead
        return DicomFileReader.Read(stream, options, (stream as FileStream)?.Name);
    }

    private async Task<StoreResult> IndexAsync(InstanceRecord record, StoredBlob blob, StoreDatasetIdentity identity, StoreRequest context, CancellationToken cancellationToken)
    {
        AddInstanceResult added;
        try
        {
            added = await index.AddInstanceAsync(record, cancellationToken);
            if (added.Outcome == AddInstanceOutcome.Conflict && _onDuplicate == DuplicatePolicy.Overwrite)
                added = await index.ReplaceInstanceAsync(record, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Indexing instance {SopInstanceUid} failed; its blob is removed", record.SopInstanceUid);
            return StoreResult.Failure(FailureReasonCodes.ProcessingFailure, "the index could not record the instance; nothing was stored", identity);
        }

        switch (added.Outcome)
        {
            case AddInstanceOutcome.Added:
            case AddInstanceOutcome.Replaced:
                var replaced = added.Outcome == AddInstanceOutcome.Replaced;
                if (replaced && added.PreviousBlobKey is { } old && BlobKey.TryParse(old, out var oldKey) && oldKey != blob.Key)
                    await RemoveReplacedBlobAsync(oldKey);
                notifier.Publish(new StoredInstanceEvent(record.StudyInstanceUid, record.SeriesInstanceUid, record.SopInstanceUid,
                    identity.SopClassUid!, blob.Key.Value, blob.Size, record.TransferSyntaxUid, replaced, context.Source));
                return Success(StoreStatus.Stored, identity, blob, replaced ? "replaced the instance stored before with the same SOP Instance UID" : null, replaced);
            case AddInstanceOutcome.AlreadyStoredIdentical:
                return Success(StoreStatus.AlreadyStored, identity, blob, "the identical instance was already stored; nothing new was written");
            case AddInstanceOutcome.Conflict:
                return StoreResult.Failure(FailureReasonCodes.DuplicateSopInstance,
                    $"SOP Instance UID {record.SopInstanceUid} is already stored with different content", identity);
            case AddInstanceOutcome.HierarchyConflict:
                var where = added.ExistingParent is { } p ? $"study {p.StudyInstanceUid}" + (p.SeriesInstanceUid is { } s ? $", series {s}" : "") : "another study";
                return StoreResult.Failure(FailureReasonCodes.HierarchyConflict,
                    $"the instance or its series is already stored in {where}; an instance cannot move to study {record.StudyInstanceUid}, series {record.SeriesInstanceUid}", identity);
            default:
                return StoreResult.Failure(FailureReasonCodes.ProcessingFailure, $"unexpected index outcome {added.Outcome}", identity);
        }
    }

    private static StoreResult Success(StoreStatus status, StoreDatasetIdentity identity, StoredBlob blob, string? reason, bool replaced = false) => new()
    {
        Status = status,
        SopClassUid = identity.SopClassUid,
        SopInstanceUid = identity.SopInstanceUid,
        StudyInstanceUid = identity.StudyInstanceUid,
        SeriesInstanceUid = identity.SeriesInstanceUid,
        BlobKey = blob.Key.Value,
        SizeBytes = blob.Size,
        Reason = reason,
        Replaced = replaced,
    };

    /// <summary>After an overwrite committed: the old file is no longer referenced. A failure leaves an orphan, logged.</summary>
    private async Task RemoveReplacedBlobAsync(BlobKey oldKey)
    {
        try { await _leases.RemoveIfUnusedAsync(oldKey, () => blobs.DeleteAsync(oldKey, CancellationToken.None)); }
        catch (PacsEdgeException e) { logger.LogWarning(e, "The replaced blob {BlobKey} could not be removed; it stays as an orphan", oldKey); }
    }

    /// <summary>
    /// Removes a blob this call created, unless an index row references it (an index write that threw after
    /// committing). When the index cannot answer, the blob stays: an orphan is safe, a row without a blob is not.
    /// </summary>
    private async Task RemoveUnreferencedAsync(BlobKey key, StoreDatasetIdentity? identity)
    {
        try
        {
            if (identity is { StudyInstanceUid: { } study, SeriesInstanceUid: { } series, SopInstanceUid: { } sop })
            {
                var rows = await index.GetInstancesAsync(HierarchyPath.Instance(study, series, sop), CancellationToken.None);
                if (rows.Any(r => r.BlobKey == key.Value)) return;
            }
            await blobs.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The blob {BlobKey} of a failed store could not be removed; it stays as an orphan", key);
        }
    }
}
