using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Server.Health;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Http;

public class HealthTests
{
    [Fact]
    public async Task Health_is_200_with_status_and_version_once_the_blob_store_is_checked()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.WaitUntilReadyAsync();

        var response = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", json.RootElement.GetProperty("version").GetString());
        // The readiness probe went through the blob store and removed its blob again.
        Assert.Empty(TempDirectory.FilesUnder(Path.Combine(server.DataDirectory, "blobs")));
        Assert.Empty(TempDirectory.FilesUnder(Path.Combine(server.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task Health_is_503_with_the_reason_until_every_readiness_check_has_passed()
    {
        var gate = new GateCheck();
        await using var server = await InProcessServer.StartAsync(b => b.Services.AddSingleton<IReadinessCheck>(gate));

        var before = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.True(before.Headers.Contains("Retry-After"));
        using (var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync()))
            Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());

        gate.Open.SetResult();
        await server.WaitUntilReadyAsync();
    }

    [Fact]
    public async Task A_failing_check_keeps_503_and_names_the_check()
    {
        var failing = new FailingCheck();
        await using var server = await InProcessServer.StartAsync(b => b.Services.AddSingleton<IReadinessCheck>(failing));
        await failing.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);

        var response = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("test index: the index is not there", json.RootElement.GetProperty("reason").GetString());
    }

    private sealed class GateCheck : IReadinessCheck
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "gate";
        public Task CheckAsync(CancellationToken cancellationToken) => Open.Task.WaitAsync(cancellationToken);
    }

    private sealed class FailingCheck : IReadinessCheck
    {
        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "test index";
        public Task CheckAsync(CancellationToken cancellationToken)
        {
            Ran.TrySetResult();
            throw new InvalidOperationException("the index is not there");
        }
    }
}
