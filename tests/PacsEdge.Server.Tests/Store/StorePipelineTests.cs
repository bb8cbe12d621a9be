using PacsEdge.Plugins;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;
using PacsEdge.Index.Model;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Store;
using PacsEdge.Testing;
using static PacsEdge.Server.Tests.Store.TestInstances;

namespace PacsEdge.Server.Tests.Store;

/// <summary>The store pipeline over a real blob store and a real index; the same tests on SQLite and PostgreSQL.</summary>
public abstract class StorePipelineTests(Func<IndexProvider> provider)
{
    private const string Study = "1.2.826.0.1.3680043.8.498.1";
    private const string Series = "1.2.826.0.1.3680043.8.498.1.1";

    [Fact]
    public async Task Corpus_files_are_stored_and_queryable_or_refused_with_a_reason()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var stored = new List<(string Path, StoreResult Result)>();
        var failed = new Dictionary<string, StoreResult>();
        foreach (var path in CorpusFiles.All)
        {
            var result = await h.StoreAsync(File.ReadAllBytes(path));
            if (result.Succeeded) stored.Add((path, result));
            else failed[Path.GetRelativePath(CorpusFiles.Root, path)] = result;
        }
        Assert.All(failed.Values, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        // Known cases (pydicom's README for the corpus says what each file is): truncated files, a DICOMDIR, and
        // MR_small's re-encodings that keep its SOP Instance UID with other bytes (stored after MR_small.dcm: ordinal order).
        Assert.Equal(FailureReasonCodes.CannotUnderstand, failed["test_files/MR_truncated.dcm"].FailureReason);
        Assert.Equal(FailureReasonCodes.CannotUnderstand, failed["test_files/rtplan_truncated.dcm"].FailureReason);
        Assert.Equal(FailureReasonCodes.SopClassNotSupported, failed["test_files/dicomdirtests/DICOMDIR"].FailureReason);
        Assert.Equal(FailureReasonCodes.DuplicateSopInstance, failed["test_files/MR_small_RLE.dcm"].FailureReason);
        Assert.True(stored.Count >= 30, $"only {stored.Count} corpus files stored");
        foreach (var (path, result) in stored.Where(s => s.Result.Status == StoreStatus.Stored))
        {
            var rows = await h.Index.GetInstancesAsync(HierarchyPath.Instance(result.StudyInstanceUid!, result.SeriesInstanceUid!, result.SopInstanceUid!));
            var row = Assert.Single(rows);
            Assert.Equal(result.BlobKey, row.BlobKey);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), row.Sha256);
            var reference = DicomFileReader.Read(path, DicomReaderOptions.UntilPixelData);
            Assert.Equal(reference.Dataset.GetString(DicomTags.SOPInstanceUID)?.TrimEnd('\0', ' '), row.Path.SopInstanceUid);
        }
        // Every failure left no blob behind: the blob folder holds exactly the stored files.
        Assert.Equal(stored.Select(s => s.Result.BlobKey!).Distinct().Order(), h.Blobs.BlobFiles.Select(Path.GetFileName).Order()!);
    }

    [Fact]
    public async Task Identical_duplicate_succeeds_with_a_warning_and_no_new_row()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var bytes = Ct(Study, Series, Study + ".9");
        Assert.Equal(StoreStatus.Stored, (await h.StoreAsync(bytes)).Status);
        var again = await h.StoreAsync(bytes);
        Assert.Equal(StoreStatus.AlreadyStored, again.Status);
        Assert.True(again.IsDuplicateWarning);
        Assert.Equal(1, await h.InstanceCountAsync());
        Assert.Single(h.Blobs.BlobFiles);
    }

    [Fact]
    public async Task Different_bytes_with_the_same_uid_fail_and_leave_the_first_unchanged()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var first = await h.StoreAsync(Ct(Study, Series, Study + ".9", "First^One"));
        var second = await h.StoreAsync(Ct(Study, Series, Study + ".9", "Second^Two"));
        Assert.Equal(StoreStatus.Failed, second.Status);
        Assert.Equal(FailureReasonCodes.DuplicateSopInstance, second.FailureReason);
        Assert.Contains(Study + ".9", second.Reason);
        var row = Assert.Single(await h.InstancesOfStudyAsync(Study));
        Assert.Equal(first.BlobKey, row.BlobKey);
        Assert.Equal([first.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Overwrite_replaces_the_instance_and_removes_the_old_blob()
    {
        await using var h = await StoreHarness.StartAsync(provider(), DuplicatePolicy.Overwrite);
        var first = await h.StoreAsync(Ct(Study, Series, Study + ".9", "First^One"));
        var second = await h.StoreAsync(Ct(Study, Series, Study + ".9", "Second^Two"));
        Assert.Equal(StoreStatus.Stored, second.Status);
        Assert.True(second.Replaced);
        var row = Assert.Single(await h.InstancesOfStudyAsync(Study));
        Assert.Equal(second.BlobKey, row.BlobKey);
        Assert.Equal([second.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName));
        Assert.NotEqual(first.BlobKey, second.BlobKey);
        var names = await h.Index.QueryAsync(new IndexQuery(QueryLevel.Study));
        Assert.Equal("Second^Two", Assert.Single(names.Rows)[DicomTags.PatientName]);
    }

    [Fact]
    public async Task An_instance_cannot_move_to_another_study_and_its_blob_is_removed()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var first = await h.StoreAsync(Ct(Study, Series, Study + ".9"));
        var moved = await h.StoreAsync(Ct(Study + "2", Series, Study + ".10"));
        Assert.Equal(StoreStatus.Failed, moved.Status);
        Assert.Equal(FailureReasonCodes.HierarchyConflict, moved.FailureReason);
        Assert.Contains(Study, moved.Reason);
        Assert.Equal([first.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName));
        Assert.Empty(await h.InstancesOfStudyAsync(Study + "2"));
    }

    [Fact]
    public async Task Not_dicom_and_truncated_input_fail_with_a_reason_and_leave_nothing()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var full = Ct(Study, Series, Study + ".9");
        foreach (var input in new[] { "this is not a DICOM file at all, just text"u8.ToArray(), full[..(full.Length - 1000)], full[..300], Array.Empty<byte>() })
        {
            var result = await h.StoreAsync(input);
            Assert.Equal(StoreStatus.Failed, result.Status);
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        }
        Assert.Empty(h.Blobs.BlobFiles);
        Assert.Equal(0, await h.InstanceCountAsync());
    }

    [Fact]
    public async Task Missing_sop_instance_uid_fails()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var result = await h.StoreAsync(Ct(Study, Series, Study + ".9", change: d => d.Remove(DicomTags.SOPInstanceUID)));
        Assert.Equal(FailureReasonCodes.DataSetDoesNotMatchSopClass, result.FailureReason);
        Assert.Contains("SOPInstanceUID", result.Reason);
        Assert.Empty(h.Blobs.BlobFiles);
    }

    [Fact]
    public async Task Instance_of_another_study_than_the_request_names_fails()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var result = await h.StoreAsync(Ct(Study, Series, Study + ".9"), new StoreRequest { RequiredStudyInstanceUid = "1.2.3" });
        Assert.Equal(FailureReasonCodes.ReferencedStudyMismatch, result.FailureReason);
        Assert.Empty(h.Blobs.BlobFiles);
    }

    [Fact]
    public async Task An_index_that_throws_fails_the_store_and_removes_the_blob()
    {
        await using var h = await StoreHarness.StartAsync(provider(), wrap: index => new ThrowingIndex(index));
        var result = await h.StoreAsync(Ct(Study, Series, Study + ".9"));
        Assert.Equal(FailureReasonCodes.ProcessingFailure, result.FailureReason);
        Assert.Empty(h.Blobs.BlobFiles);
        Assert.Equal(0, await h.InstanceCountAsync());
    }

    [Fact]
    public async Task An_index_that_commits_then_throws_keeps_the_blob_its_row_references()
    {
        await using var h = await StoreHarness.StartAsync(provider(), wrap: index => new CommitThenThrowIndex(index));
        var result = await h.StoreAsync(Ct(Study, Series, Study + ".9"));
        Assert.Equal(FailureReasonCodes.ProcessingFailure, result.FailureReason);
        var row = Assert.Single(await h.InstancesOfStudyAsync(Study));
        Assert.Equal([row.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Parallel_stores_of_identical_bytes_store_one_instance_and_keep_its_blob()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var bytes = Ct(Study, Series, Study + ".9");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.StoreAsync(bytes))));
        Assert.Single(results, r => r.Status == StoreStatus.Stored);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        var row = Assert.Single(await h.InstancesOfStudyAsync(Study));
        Assert.Equal([row.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failing_store_of_identical_bytes_never_leaves_a_concurrent_success_with_a_row_but_no_file()
    {
        InterleavingBlobStore? gate = null;
        await using var h = await StoreHarness.StartAsync(provider(), wrapBlobs: b => gate = new InterleavingBlobStore(b));
        var bytes = Ct(Study, Series, Study + ".9");
        // A creates the blob and fails (wrong study) while B, which found the identical blob there, is between parse and index.
        var a = h.StoreAsync(bytes, new StoreRequest { RequiredStudyInstanceUid = "1.2.3" });
        await gate!.FirstWritten.Task;
        var b = h.StoreAsync(bytes);
        Assert.Equal(FailureReasonCodes.ReferencedStudyMismatch, (await a).FailureReason);
        gate.ReleaseSecond.SetResult();
        Assert.Equal(StoreStatus.Stored, (await b).Status);
        var row = Assert.Single(await h.InstancesOfStudyAsync(Study));
        Assert.Equal([row.BlobKey], h.Blobs.BlobFiles.Select(Path.GetFileName)); // A left B's file in place
    }

    [Fact]
    public async Task Observers_see_each_stored_instance_once_and_a_failing_one_fails_nothing()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var sops = Enumerable.Range(1, 5).Select(i => $"{Study}.{i}").ToArray();
        foreach (var sop in sops) Assert.True((await h.StoreAsync(Ct(Study, Series, sop))).Succeeded);
        Assert.True((await h.StoreAsync(Ct(Study, Series, sops[0]))).IsDuplicateWarning); // not reported again
        await h.Observer.WaitForAsync(sops.Length);
        Assert.Equal(sops.Order(), h.Observer.Seen.Select(e => e.SopInstanceUid).Order());
        Assert.Equal(sops.Length, h.FailingObserver.Seen.Count);
    }

    [Fact]
    public async Task Parallel_stores_of_one_study_make_one_study_row()
    {
        await using var h = await StoreHarness.StartAsync(provider());
        var inputs = Enumerable.Range(1, 20).Select(i => Ct(Study, $"{Series}.{i % 4}", $"{Study}.{i}")).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            var mine = new List<StoreResult>();
            for (var i = t; i < inputs.Length; i += 4) mine.Add(await h.StoreAsync(inputs[i]));
            return mine;
        })));
        Assert.All(results.SelectMany(r => r), r => Assert.Equal(StoreStatus.Stored, r.Status));
        var study = Assert.Single((await h.Index.QueryAsync(new IndexQuery(QueryLevel.Study))).Rows);
        Assert.Equal("20", study[DicomTags.NumberOfStudyRelatedInstances]);
        Assert.Equal("4", study[DicomTags.NumberOfStudyRelatedSeries]);
    }
}

public sealed class SqliteStorePipelineTests() : StorePipelineTests(() => new SqliteProvider());
public sealed class PostgresStorePipelineTests() : StorePipelineTests(() => new PostgresProvider());
