using System.Data.Common;
using System.Globalization;
using Dapper;
using PacsEdge.Dicom;
using PacsEdge.Index.Matching;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Storage;

/// <summary>
/// The provider-independent implementation: the SQL text is shared, <see cref="SqlDialect"/> holds what differs,
/// and the subclass opens connections and write transactions the way its database needs.
/// </summary>
public abstract class RelationalDicomIndex : IDicomIndex
{
    private readonly SqlDialect _dialect;

    private protected RelationalDicomIndex(SqlDialect dialect, IndexOptions options)
    {
        _dialect = dialect;
        Options = options;
    }

    public IndexOptions Options { get; }

    /// <summary>The schema versions applied when this index was opened (empty when the schema was current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; private protected set; } = [];

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that takes the write lock at once (SQLite BEGIN IMMEDIATE; PostgreSQL READ COMMITTED + upserts).</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public Task<AddInstanceResult> AddInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        WriteAsync(instance, WriteMode.Add, cancellationToken);

    public Task<AddInstanceResult> ReplaceInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken = default) =>
        WriteAsync(instance, WriteMode.Replace, cancellationToken);

    /// <summary>One write in its own transaction, committed only for Added and Replaced (a provider may batch several, see SQLite).</summary>
    private protected virtual async Task<AddInstanceResult> WriteAsync(InstanceRecord instance, WriteMode mode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await new InstanceWriter(connection, transaction, _dialect, Options).WriteAsync(instance, mode, DateTimeOffset.UtcNow);
        if (result.Outcome is AddInstanceOutcome.Added or AddInstanceOutcome.Replaced)
            await transaction.CommitAsync(cancellationToken);
        else
            await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var blobKeys = await new HierarchyDeleter(connection, transaction).DeleteAsync(target);
        await transaction.CommitAsync(cancellationToken);
        return blobKeys;
    }

    public async Task<IndexQueryResult> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        var built = QuerySqlBuilder.Build(query, Options, _dialect);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(new CommandDefinition(built.Sql, built.Parameters, cancellationToken: cancellationToken));
        var result = new List<IndexRow>();
        foreach (IDictionary<string, object?> row in rows)
        {
            var values = new Dictionary<DicomTag, string>();
            foreach (var (column, tag) in built.Columns)
                if (row.TryGetValue(column, out var value) && value is not null and not DBNull)
                    values[tag] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            result.Add(new IndexRow(values));
        }
        return new IndexQueryResult(result, built.UnsupportedMatchKeys);
    }

    public async Task<IReadOnlyList<StoredInstance>> GetInstancesAsync(HierarchyPath target, CancellationToken cancellationToken = default)
    {
        var where = "st.study_uid = @study";
        if (target.SeriesInstanceUid is not null) where += " AND se.series_uid = @series";
        if (target.SopInstanceUid is not null) where += " AND i.sop_instance_uid = @sop";
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(new CommandDefinition(
            "SELECT st.study_uid, se.series_uid, i.sop_instance_uid, i.sop_class_uid, i.blob_key, i.size_bytes, i.sha256, i.transfer_syntax_uid, " +
            "i.created_at, i.updated_at " + QuerySqlBuilder.FromClause(QueryLevel.Instance) + " WHERE " + where +
            " ORDER BY se.series_number, se.series_key, i.instance_number, i.instance_key",
            new { study = target.StudyInstanceUid, series = target.SeriesInstanceUid, sop = target.SopInstanceUid },
            cancellationToken: cancellationToken));
        return rows.Cast<IDictionary<string, object?>>().Select(r => new StoredInstance(
            HierarchyPath.Instance((string)r["study_uid"]!, (string)r["series_uid"]!, (string)r["sop_instance_uid"]!),
            r["sop_class_uid"] as string ?? "", (string)r["blob_key"]!, Convert.ToInt64(r["size_bytes"], CultureInfo.InvariantCulture),
            (string)r["sha256"]!, (string)r["transfer_syntax_uid"]!,
            _dialect.ReadTimestamp(r["created_at"]!), _dialect.ReadTimestamp(r["updated_at"]!))).ToList();
    }

    public async Task<string> ExplainAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ExplainAsync(connection, null, query, cancellationToken);
    }

    private protected async Task<string> ExplainAsync(DbConnection connection, DbTransaction? transaction, IndexQuery query, CancellationToken cancellationToken)
    {
        var built = QuerySqlBuilder.Build(query, Options, _dialect);
        var rows = await connection.QueryAsync(new CommandDefinition(
            _dialect.ExplainPrefix + built.Sql, built.Parameters, transaction, cancellationToken: cancellationToken));
        // SQLite: (id, parent, notused, detail); PostgreSQL: one "QUERY PLAN" text column.
        return string.Join('\n', rows.Cast<IDictionary<string, object?>>().Select(r =>
            Convert.ToString(r.TryGetValue("detail", out var d) ? d : r.Values.Last(), CultureInfo.InvariantCulture)));
    }

    public abstract ValueTask DisposeAsync();
}
