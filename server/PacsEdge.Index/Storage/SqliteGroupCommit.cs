using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Storage;

/// <summary>
/// Group commit for SQLite's single writer: concurrent AddInstance/ReplaceInstance calls queue their records, and
/// whichever caller holds the write turn commits every record queued so far in one transaction, so one WAL fsync
/// (synchronous=FULL) covers them all and writers wait on an async lock instead of SQLite's sleeping busy handler.
/// Each record runs in its own SAVEPOINT: a record that is not Added/Replaced, or that throws, is rolled back alone
/// and gets its own outcome; the others still commit. No caller returns before the COMMIT that holds its row, and
/// a failed COMMIT fails every record of the batch (none of them is stored).
/// </summary>
internal sealed class SqliteGroupCommit(Func<CancellationToken, ValueTask<DbConnection>> openConnection,
    Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> beginWrite, SqlDialect dialect, IndexOptions options)
{
    /// <summary>Most records in one transaction (bounds the time one batch holds the lock).</summary>
    private const int MaxBatch = 64;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<AddInstanceResult> WriteAsync(InstanceRecord record, WriteMode mode, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, mode, cancellationToken);
        _queue.Enqueue(pending);
        while (!pending.Completion.Task.IsCompleted)
        {
            try { await _turn.WaitAsync(cancellationToken); }
            catch (OperationCanceledException)
            {
                // Not yet claimed by a batch: it never will be. Claimed: its batch is running, and the caller must
                // learn whether it committed (the store pipeline removes the blob only when no row references it).
                if (pending.TryCancel()) throw;
                return await pending.Completion.Task;
            }
            try
            {
                if (!pending.Completion.Task.IsCompleted) await CommitBatchAsync();
            }
            finally { _turn.Release(); }
        }
        return await pending.Completion.Task;
    }

    private async Task CommitBatchAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            if (next.TryStart()) batch.Add(next);
        if (batch.Count == 0) return;

        var results = new AddInstanceResult?[batch.Count];
        try
        {
            await using var connection = await openConnection(CancellationToken.None);
            await using var transaction = await beginWrite(connection, CancellationToken.None);
            var writer = new InstanceWriter(connection, transaction, dialect, options);
            var now = DateTimeOffset.UtcNow;
            for (int i = 0; i < batch.Count; i++)
            {
                await connection.ExecuteAsync("SAVEPOINT record", transaction: transaction);
                try
                {
                    var result = await writer.WriteAsync(batch[i].Record, batch[i].Mode, now);
                    if (result.Outcome is AddInstanceOutcome.Added or AddInstanceOutcome.Replaced)
                        results[i] = result;
                    else
                    {
                        await connection.ExecuteAsync("ROLLBACK TO record", transaction: transaction);
                        batch[i].Completion.TrySetResult(result); // nothing of it is kept: no need to wait for the COMMIT
                    }
                }
                catch (Exception e)
                {
                    await connection.ExecuteAsync("ROLLBACK TO record", transaction: transaction);
                    batch[i].Completion.TrySetException(e);
                }
                await connection.ExecuteAsync("RELEASE record", transaction: transaction);
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            foreach (var p in batch) p.Completion.TrySetException(e);
            return;
        }
        for (int i = 0; i < batch.Count; i++)
            if (results[i] is { } committed) batch[i].Completion.TrySetResult(committed);
    }

    private sealed class Pending(InstanceRecord record, WriteMode mode, CancellationToken cancellationToken)
    {
        private int _started;

        public InstanceRecord Record { get; } = record;
        public WriteMode Mode { get; } = mode;
        public TaskCompletionSource<AddInstanceResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Claims the record for a batch, unless its caller gave up (cancelled) before it was written.</summary>
        public bool TryStart()
        {
            if (cancellationToken.IsCancellationRequested && TryCancel()) return false;
            return Interlocked.CompareExchange(ref _started, 1, 0) == 0;
        }

        /// <summary>Gives the record up, unless a batch has claimed it already.</summary>
        public bool TryCancel()
        {
            if (Interlocked.CompareExchange(ref _started, 2, 0) != 0) return false;
            Completion.TrySetCanceled(cancellationToken);
            return true;
        }
    }
}
