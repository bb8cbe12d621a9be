using PacsEdge.Plugins;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Index.Storage;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Store;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Store;

/// <summary>Where a store test's index lives: a SQLite file in the temp data directory, or a fresh PostgreSQL schema.</summary>
public abstract class IndexProvider : IAsyncDisposable
{
    public abstract Task<IDicomIndex> OpenAsync(string indexFolder);
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class SqliteProvider : IndexProvider
{
    public override async Task<IDicomIndex> OpenAsync(string indexFolder) => await SqliteDicomIndex.OpenAsync(Path.Combine(indexFolder, "index.db"));
}

/// <summary>A schema per test in the server PACSEDGE_TEST_POSTGRES names (as tests/PacsEdge.Index.Tests); fails, never skips, without it.</summary>
public sealed class PostgresProvider : IndexProvider
{
    private readonly string _schema = "s_" + Guid.NewGuid().ToString("N");
    private readonly string _base = Environment.GetEnvironmentVariable("PACSEDGE_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs : throw new InvalidOperationException("PACSEDGE_TEST_POSTGRES is not set: run ./test.sh (it starts a PostgreSQL)");
    private bool _created;

    public override async Task<IDicomIndex> OpenAsync(string indexFolder)
    {
        await ExecuteAsync($"CREATE SCHEMA {_schema}");
        _created = true;
        return await PostgresDicomIndex.OpenAsync(new NpgsqlConnectionStringBuilder(_base) { SearchPath = _schema }.ToString());
    }

    public override async ValueTask DisposeAsync()
    {
        if (_created) await ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_base);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Records every event; optionally throws on each (a broken plugin).</summary>
public sealed class RecordingObserver(bool fail = false) : IStoredInstanceObserver
{
    public System.Collections.Concurrent.ConcurrentQueue<StoredInstanceEvent> Seen { get; } = new();

    public Task OnInstanceStoredAsync(StoredInstanceEvent stored, CancellationToken cancellationToken)
    {
        Seen.Enqueue(stored);
        if (fail) throw new InvalidOperationException("observer failure for the test");
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Seen.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(100); // and nothing more arrives
    }
}

/// <summary>An index whose writes throw (a database gone away), to prove the blob is removed.</summary>
public sealed class ThrowingIndex(IDicomIndex inner) : IDicomIndex
{
    public Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        throw new IOException("index unavailable (test)");
    public Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        throw new IOException("index unavailable (test)");
    public Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.DeleteAsync(target, cancellationToken);
    public Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);
    public Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.GetInstancesAsync(target, cancellationToken);
    public Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.ExplainAsync(query, cancellationToken);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>An index whose write commits and then throws (a connection lost after COMMIT): the row exists, the call failed.</summary>
public sealed class CommitThenThrowIndex(IDicomIndex inner) : IDicomIndex
{
    public async Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default)
    {
        await inner.AddInstanceAsync(instance, cancellationToken);
        throw new IOException("connection lost after commit (test)");
    }
    public Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) => inner.ReplaceInstanceAsync(instance, cancellationToken);
    public Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.DeleteAsync(target, cancellationToken);
    public Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);
    public Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default) => inner.GetInstancesAsync(target, cancellationToken);
    public Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default) => inner.ExplainAsync(query, cancellationToken);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Interleaves two stores of identical bytes: the call that creates the blob (A) waits after its write until the
/// other (B, which found the blob there) has opened it for parsing; B then waits, with its file open, until the
/// test releases it, so A finishes (and fails) while B is between parse and index.
/// </summary>
public sealed class InterleavingBlobStore(IBlobStore inner) : IBlobStore
{
    private int _opens;
    public TaskCompletionSource FirstWritten { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource SecondOpened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource ReleaseSecond { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var blob = await inner.WriteAsync(content, cancellationToken);
        if (!blob.AlreadyExisted) { FirstWritten.TrySetResult(); await SecondOpened.Task; }
        return blob;
    }

    public async Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        var stream = await inner.OpenReadAsync(key, range, cancellationToken);
        if (Interlocked.Increment(ref _opens) == 1) { SecondOpened.TrySetResult(); await ReleaseSecond.Task; }
        return stream;
    }

    public Task<bool> ExistsAsync(BlobKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);
    public Task DeleteAsync(BlobKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
}

/// <summary>Instance bytes for the tests: pydicom's CT_small.dcm, re-encoded with chosen UIDs and patient name.</summary>
public static class TestInstances
{
    public static readonly string CtSmall = CorpusFiles.PathOf("test_files/CT_small.dcm");

    public static byte[] Ct(string study, string series, string sop, string patientName = "Doe^Jane", Action<DicomDataset>? change = null)
    {
        var file = DicomFileReader.Read(CtSmall);
        file.Dataset.AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, study);
        file.Dataset.AddOrReplaceString(DicomTags.SeriesInstanceUID, DicomVR.UI, series);
        file.Dataset.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
        file.Dataset.AddOrReplaceString(DicomTags.PatientName, DicomVR.PN, patientName);
        file.FileMetaInformation.AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sop);
        change?.Invoke(file.Dataset);
        return DicomFileWriter.ToBytes(file);
    }
}

/// <summary>A temp data directory with a real blob store, a real index, the notifier running, and the store service.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly IndexProvider _provider;
    public BlobStoreSetup Blobs { get; private set; } = null!;
    public IDicomIndex Index { get; private set; } = null!;
    public RecordingObserver Observer { get; } = new();
    public RecordingObserver FailingObserver { get; } = new(fail: true);
    public StoredInstanceNotifier Notifier { get; private set; } = null!;
    public StoreService Service { get; private set; } = null!;

    private StoreHarness(IndexProvider provider) => _provider = provider;

    /// <param name="fileSystem">the blob store's file system seam (a recorder), built for the data directory's root</param>
    public static async Task<StoreHarness> StartAsync(
        IndexProvider provider, DuplicatePolicy onDuplicate = DuplicatePolicy.Reject, Func<IDicomIndex, IDicomIndex>? wrap = null,
        Func<IBlobStore, IBlobStore>? wrapBlobs = null, Func<string, IDurableFileSystem>? fileSystem = null)
    {
        var harness = new StoreHarness(provider) { Blobs = new BlobStoreSetup(fileSystem) };
        harness.Index = await provider.OpenAsync(harness.Blobs.Data.Index);
        harness.Notifier = new StoredInstanceNotifier([harness.FailingObserver, harness.Observer], NullLogger<StoredInstanceNotifier>.Instance);
        await harness.Notifier.StartAsync(CancellationToken.None);
        harness.Service = new StoreService(wrapBlobs?.Invoke(harness.Blobs.Store) ?? harness.Blobs.Store, wrap?.Invoke(harness.Index) ?? harness.Index, new StoreDatasetValidator(), harness.Notifier,
            Options.Create(new StorageOptions { OnDuplicate = onDuplicate }), new IndexOptions(), NullLogger<StoreService>.Instance);
        return harness;
    }

    public Task<StoreResult> StoreAsync(byte[] bytes, StoreRequest? request = null) =>
        Service.StoreAsync(new MemoryStream(bytes), request ?? StoreRequest.Default);

    public async Task<IReadOnlyList<StoredInstance>> InstancesOfStudyAsync(string study) =>
        await Index.GetInstancesAsync(HierarchyPath.Study(study));

    public async Task<int> InstanceCountAsync() =>
        (await Index.QueryAsync(new IndexQuery(QueryLevel.Instance) { Limit = 100_000 })).Rows.Count;

    public async ValueTask DisposeAsync()
    {
        await Notifier.StopAsync(CancellationToken.None);
        Notifier.Dispose();
        await Index.DisposeAsync();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Blobs.Dispose();
    }
}
