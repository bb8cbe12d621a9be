using PacsEdge.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Health;
using PacsEdge.Server.Hosting;
using PacsEdge.Server.Store;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Store;

/// <summary>The host wires the index chosen by Index:Provider and the store pipeline; /health waits for the index.</summary>
public class StoreWiringTests
{
    private const string Study = "1.2.826.0.1.3680043.8.498.7";

    private static async Task<WebApplication> StartAsync(TempDirectory temp, Dictionary<string, string?> overrides, RecordingObserver? observer = null)
    {
        var settings = new HostSettings
        {
            Urls = "http://127.0.0.1:0", DataDirectory = temp.Combine("data"), ConfigurationDirectory = temp.Path, Overrides = overrides,
        };
        var app = PacsEdgeHost.Build(settings, b => { if (observer is not null) b.Services.AddSingleton<IStoredInstanceObserver>(observer); });
        await app.StartAsync();
        var state = app.Services.GetRequiredService<ReadinessState>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!state.IsReady)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not ready: {state.NotReadyReason}");
            await Task.Delay(50);
        }
        return app;
    }

    private static async Task StoreAndQueryAsync(WebApplication app, RecordingObserver observer)
    {
        var store = app.Services.GetRequiredService<IStoreService>();
        var result = await store.StoreAsync(new MemoryStream(TestInstances.Ct(Study, Study + ".1", Study + ".1.1")), new StoreRequest { Source = "test" });
        Assert.Equal(StoreStatus.Stored, result.Status);
        var index = app.Services.GetRequiredService<IDicomIndex>();
        var row = Assert.Single(await index.GetInstancesAsync(HierarchyPath.Study(Study)));
        Assert.Equal(result.BlobKey, row.BlobKey);
        await observer.WaitForAsync(1);
        Assert.Equal("test", Assert.Single(observer.Seen).Source);
    }

    [Fact]
    public async Task Default_is_sqlite_in_the_data_directory_and_stores_go_through_it()
    {
        using var temp = new TempDirectory();
        var observer = new RecordingObserver();
        await using var app = await StartAsync(temp, [], observer);
        Assert.True(File.Exists(temp.Combine("data", "index", "index.db")));
        await StoreAndQueryAsync(app, observer);
        await app.StopAsync();
    }

    [Fact]
    public async Task Postgres_provider_uses_the_connection_string()
    {
        var baseConnection = Environment.GetEnvironmentVariable("PACSEDGE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs : throw new InvalidOperationException("PACSEDGE_TEST_POSTGRES is not set: run ./test.sh");
        var schema = "w_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE SCHEMA {schema}", connection).ExecuteNonQueryAsync();
        }
        try
        {
            using var temp = new TempDirectory();
            var observer = new RecordingObserver();
            var connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema }.ToString();
            await using var app = await StartAsync(temp, new() { ["Index:Provider"] = "postgres", ["Index:ConnectionString"] = connectionString }, observer);
            Assert.False(File.Exists(temp.Combine("data", "index", "index.db")));
            await StoreAndQueryAsync(app, observer);
            await app.StopAsync();
        }
        finally
        {
            await using var connection = new NpgsqlConnection(baseConnection);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection).ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("Oracle", "", "Index:Provider")]
    [InlineData("Postgres", "", "Index:ConnectionString")]
    public void Bad_index_configuration_fails_start_up_with_one_clear_line(string provider, string connectionString, string named)
    {
        using var temp = new TempDirectory();
        var settings = new HostSettings
        {
            Urls = "http://127.0.0.1:0", DataDirectory = temp.Combine("data"), ConfigurationDirectory = temp.Path,
            Overrides = new Dictionary<string, string?> { ["Index:Provider"] = provider, ["Index:ConnectionString"] = connectionString },
        };
        var e = Assert.Throws<PacsEdgeException>(() => PacsEdgeHost.Build(settings));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
        Assert.Contains(named, e.Message);
    }
}

/// <summary>An index that cannot be opened keeps /health at 503 with the index named in the reason.</summary>
public class IndexReadinessTests
{
    [Fact]
    public async Task An_unreachable_postgres_keeps_the_server_not_ready_with_the_reason()
    {
        using var temp = new TempDirectory();
        var settings = new HostSettings
        {
            Urls = "http://127.0.0.1:0", DataDirectory = temp.Combine("data"), ConfigurationDirectory = temp.Path,
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            Overrides = new Dictionary<string, string?> { ["Index:Provider"] = "Postgres", ["Index:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2" },
        };
        await using var app = PacsEdgeHost.Build(settings);
        await app.StartAsync();
        var state = app.Services.GetRequiredService<ReadinessState>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (state.NotReadyReason?.StartsWith("index:", StringComparison.Ordinal) != true && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False(state.IsReady);
        Assert.StartsWith("index:", state.NotReadyReason);
        await app.StopAsync();
    }
}

public class OnDuplicateOptionTests
{
    private static StorageOptions Bind(string value) =>
        OptionsValidator.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:OnDuplicate"] = value }).Build()).Storage;

    [Theory]
    [InlineData("overwrite", DuplicatePolicy.Overwrite)]
    [InlineData("Reject", DuplicatePolicy.Reject)]
    public void OnDuplicate_is_read_case_insensitively(string value, DuplicatePolicy expected) => Assert.Equal(expected, Bind(value).OnDuplicate);

    [Fact]
    public void An_unknown_OnDuplicate_value_is_invalid_configuration() =>
        Assert.Equal(ErrorCode.InvalidConfiguration, Assert.Throws<PacsEdgeException>(() => Bind("replace")).Code);
}
