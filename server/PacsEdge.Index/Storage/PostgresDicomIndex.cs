using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;
using PacsEdge.Index.Migrations;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Storage;

/// <summary>
/// PostgreSQL (Npgsql) for scale-out. Writes run at READ COMMITTED: the upserts (INSERT ... ON CONFLICT) make
/// concurrent writers of one new study wait on the unique index and then update the same row, so no isolation
/// retry loop is needed. Migrations take an advisory lock, so two servers starting at once apply each script once.
/// </summary>
public sealed class PostgresDicomIndex : RelationalDicomIndex
{
    private const long MigrationLockId = 0x5041_4353_4544_4745; // "PACSEDGE"
    private const string SchemaVersionDdl =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresDicomIndex(NpgsqlDataSource dataSource, IndexOptions options) : base(PostgresDialect.Instance, options) =>
        _dataSource = dataSource;

    /// <summary>Connects with <paramref name="connectionString"/> (its Search Path picks the schema) and brings the schema up to date.</summary>
    public static async Task<PostgresDicomIndex> OpenAsync(string connectionString, IndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        var index = new PostgresDicomIndex(NpgsqlDataSource.Create(connectionString), options ?? new IndexOptions());
        try
        {
            await using var connection = await index.OpenConnectionAsync(cancellationToken);
            index.AppliedMigrations = await MigrationRunner.ApplyAsync(connection, PostgresDialect.Instance.ProviderName, async c =>
            {
                var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
                await c.ExecuteAsync("SELECT pg_advisory_xact_lock(@id)", new { id = MigrationLockId }, tx);
                return tx;
            }, SchemaVersionDdl);
            return index;
        }
        catch
        {
            await index.DisposeAsync();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>
    /// The plan with sequential scans and merge joins priced out (enable_seqscan, enable_mergejoin = off): on a small
    /// test database PostgreSQL would rightly scan a few pages, or merge two whole small indexes (seen with one patient
    /// row per study: patient and study of equal size), so the plan tests ask which index it would use once the
    /// tables are large and the key is selective.
    /// </summary>
    public async Task<string> ExplainWithoutSequentialScansAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_mergejoin = off", transaction: transaction);
        var plan = await ExplainAsync(connection, transaction, query, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return plan;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
