using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using PacsEdge.Index.Migrations;
using PacsEdge.Index.Model;

namespace PacsEdge.Index.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode (readers never wait for the writer), synchronous=FULL
/// (a committed row survives power loss), foreign keys on, and a busy timeout so that concurrent writers
/// queue on BEGIN IMMEDIATE instead of failing with SQLITE_BUSY. Instance writes of this process are group-committed
/// (<see cref="SqliteGroupCommit"/>).
/// </summary>
public sealed class SqliteDicomIndex : RelationalDicomIndex
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private const string SchemaVersionDdl =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private readonly string _connectionString;

    private readonly SqliteGroupCommit _groupCommit;

    private SqliteDicomIndex(string connectionString, IndexOptions options) : base(SqliteDialect.Instance, options)
    {
        _connectionString = connectionString;
        _groupCommit = new SqliteGroupCommit(OpenConnectionAsync, BeginWriteAsync, SqliteDialect.Instance, options);
    }

    public string DatabasePath { get; private init; } = "";

    /// <summary>Opens (creating if needed) the index file at <paramref name="databasePath"/> and brings its schema up to date.</summary>
    public static async Task<SqliteDicomIndex> OpenAsync(string databasePath, IndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = true,
        };
        var index = new SqliteDicomIndex(builder.ToString(), options ?? new IndexOptions()) { DatabasePath = databasePath };
        await using var connection = await index.OpenConnectionAsync(cancellationToken);
        // WAL is a property of the file: set once, it stays.
        var mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite refused WAL mode for {databasePath} (journal_mode={mode})");
        index.AppliedMigrations = await MigrationRunner.ApplyAsync(connection, SqliteDialect.Instance.ProviderName,
            c => Task.FromResult<DbTransaction>(((SqliteConnection)c).BeginTransaction(deferred: false)), SchemaVersionDdl);
        return index;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection settings (pooled connections keep them, setting them again is cheap).
        await connection.ExecuteAsync($"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    /// <summary>Instance writes go through group commit: concurrent ones share one transaction and one fsync.</summary>
    private protected override Task<AddInstanceResult> WriteAsync(InstanceRecord instance, WriteMode mode, CancellationToken cancellationToken) =>
        _groupCommit.WriteAsync(instance, mode, cancellationToken);

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>Reads a PRAGMA on a fresh connection (tests check the durability settings).</summary>
    public async Task<string?> ReadPragmaAsync(string name)
    {
        if (!name.All(c => char.IsAsciiLetter(c) || c == '_')) throw new ArgumentException("not a pragma name", nameof(name));
        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        return Convert.ToString(await connection.ExecuteScalarAsync($"PRAGMA {name}"), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }
}
