using Dapper;
using Npgsql;
using PacsEdge.Index.Model;
using PacsEdge.Index.Storage;

namespace PacsEdge.Index.Tests.Support;

/// <summary>
/// A fresh schema in the test server named by PACSEDGE_TEST_POSTGRES (test.sh starts one: scripts/test-postgres.sh).
/// Without the variable every PostgreSQL test fails with that message: they never skip silently.
/// </summary>
public sealed class PostgresIndexDatabase : IndexDatabase
{
    public const string Variable = "PACSEDGE_TEST_POSTGRES";

    private readonly string _baseConnectionString;
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public PostgresIndexDatabase()
    {
        _baseConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL index tests need a server. Run ./test.sh (it starts one with " +
                "scripts/test-postgres.sh), or eval \"$(scripts/test-postgres.sh start)\" before dotnet test.");
    }

    public override string Provider => "PostgreSQL";

    /// <summary>The connection string whose search path is this test's schema.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_baseConnectionString) { SearchPath = _schema }.ToString();

    public override async Task<IDicomIndex> OpenAsync(IndexOptions? options = null)
    {
        await EnsureSchemaAsync();
        return await PostgresDicomIndex.OpenAsync(ConnectionString, options);
    }

    public override async Task ExecuteAsync(string sql)
    {
        await EnsureSchemaAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private async Task EnsureSchemaAsync()
    {
        if (_created) return;
        await using var connection = new NpgsqlConnection(_baseConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"CREATE SCHEMA {_schema}");
        _created = true;
    }

    public override async Task<string> ExplainAsync(IDicomIndex index, IndexQuery query)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("ANALYZE patient, study, series, instance, person_name_word, extra_attribute");
        }
        return await ((PostgresDicomIndex)index).ExplainWithoutSequentialScansAsync(query);
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_created) return;
        await using var connection = new NpgsqlConnection(_baseConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
    }
}
