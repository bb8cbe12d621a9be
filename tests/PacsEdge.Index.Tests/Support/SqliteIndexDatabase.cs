using Dapper;
using Microsoft.Data.Sqlite;
using PacsEdge.Index.Model;
using PacsEdge.Index.Storage;

namespace PacsEdge.Index.Tests.Support;

/// <summary>A fresh index file in its own temporary directory.</summary>
public sealed class SqliteIndexDatabase : IndexDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pacsedge-index-test-").FullName;

    public override string Provider => "SQLite";
    public string FilePath => Path.Combine(_directory, "index.db");

    public override async Task<IDicomIndex> OpenAsync(IndexOptions? options = null) => await SqliteDicomIndex.OpenAsync(FilePath, options);

    public override Task<string> ExplainAsync(IDicomIndex index, IndexQuery query) => index.ExplainAsync(query);

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
