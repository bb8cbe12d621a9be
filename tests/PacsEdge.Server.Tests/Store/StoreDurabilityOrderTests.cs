using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Store;

/// <summary>
/// The whole store path through one seam: the blob's write → fsync → rename → directory fsync, then the index
/// commit, and only then the acknowledgement. A failing index write after a durable blob must not acknowledge.
/// </summary>
public sealed class StoreDurabilityOrderTests
{
    [Fact]
    public async Task Blob_is_durable_before_the_index_commits_and_the_store_is_acknowledged_after_both()
    {
        RecordingFileSystem? recorder = null;
        await using var h = await StoreHarness.StartAsync(new SqliteProvider(),
            fileSystem: root => recorder = new RecordingFileSystem(root),
            wrap: index => new CommitRecordingIndex(index, () => recorder!.Steps));

        var result = await h.StoreAsync(TestInstances.Ct("1.2.3.4", "1.2.3.4.1", "1.2.3.4.1.1"));
        recorder!.Steps.Add("Acknowledged");

        Assert.Equal(StoreStatus.Stored, result.Status);
        var kinds = recorder.Steps.Select(s => s.Split(' ')[0]).Where(k => k is not ("CreateDirectory" or "Write")).ToList();
        // Folder creation for a fresh blobs/ab/cd adds "SyncDirectory" steps before the rename; keep the order of the rest.
        int rename = kinds.IndexOf("Rename");
        Assert.Equal(["CreateNew", "FlushToDisk"], kinds.Take(2));
        Assert.True(rename > 1, string.Join(", ", recorder.Steps));
        Assert.Equal(["Rename", "SyncDirectory", "IndexCommitted", "Acknowledged"], kinds.Skip(rename));
        Assert.EndsWith(result.BlobKey!, recorder.Steps.Single(s => s.StartsWith("Rename")));
    }

    /// <summary>Appends "IndexCommitted" to the recorder's steps when the wrapped index's write has returned (committed).</summary>
    private sealed class CommitRecordingIndex(IDicomIndex inner, Func<List<string>> steps) : IDicomIndex
    {
        public async Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default)
        {
            var result = await inner.AddInstanceAsync(instance, cancellationToken);
            steps().Add("IndexCommitted");
            return result;
        }

        public async Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default)
        {
            var result = await inner.ReplaceInstanceAsync(instance, cancellationToken);
            steps().Add("IndexCommitted");
            return result;
        }

        public Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.DeleteAsync(target, cancellationToken);
        public Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);
        public Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.GetInstancesAsync(target, cancellationToken);
        public Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.ExplainAsync(query, cancellationToken);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
