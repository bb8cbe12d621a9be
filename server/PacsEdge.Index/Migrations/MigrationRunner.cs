using System.Data.Common;
using System.Reflection;
using Dapper;

namespace PacsEdge.Index.Migrations;

/// <summary>
/// Applies the numbered SQL scripts embedded under Migrations/{provider}/NNNN_name.sql, in order, each in
/// its own transaction together with its row in schema_version, so that a re-open applies nothing twice and
/// a failed script leaves the previous version intact (both providers have transactional DDL).
/// </summary>
internal static class MigrationRunner
{
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The embedded scripts of <paramref name="provider"/> ("Sqlite" or "Postgres"), ordered by number.</summary>
    public static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"PacsEdge.Index.Migrations.{provider}.";
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var number = name.Split('_')[0];
            if (!int.TryParse(number, out var version))
                throw new InvalidOperationException($"migration {resource} does not start with a number");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, name, reader.ReadToEnd()));
        }
        if (list.Count == 0) throw new InvalidOperationException($"no embedded migrations named {prefix}*");
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1)
                throw new InvalidOperationException($"{provider} migrations are not numbered 1..n: {list[i].Name}");
        return list;
    }

    /// <summary>
    /// Brings the schema to the newest version. <paramref name="beginExclusive"/> opens a transaction that
    /// excludes other migrators (SQLite BEGIN IMMEDIATE, PostgreSQL an advisory lock), so that two processes
    /// opening one database at once do not both apply a script. Returns the versions applied now.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        DbConnection connection, string provider, Func<DbConnection, Task<DbTransaction>> beginExclusive, string schemaVersionDdl)
    {
        var applied = new List<int>();
        foreach (var migration in Load(provider))
        {
            await using var tx = await beginExclusive(connection);
            await connection.ExecuteAsync(schemaVersionDdl, transaction: tx);
            var done = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @v", new { v = migration.Version }, tx);
            if (done > 0) { await tx.RollbackAsync(); continue; }
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)",
                new { v = migration.Version, n = migration.Name, t = DateTimeOffset.UtcNow.ToString("O") }, tx);
            await tx.CommitAsync();
            applied.Add(migration.Version);
        }
        return applied;
    }
}
