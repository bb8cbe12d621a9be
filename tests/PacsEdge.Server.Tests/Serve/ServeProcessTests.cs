using System.Net;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Serve;

/// <summary>`pacsedge serve` as a real process on real Kestrel: health, the exclusive lock, SIGTERM and SIGKILL.</summary>
public class ServeProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_answers_health_refuses_a_second_server_and_stops_cleanly_on_SIGTERM()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        using var server = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", data]);
        var address = await server.WaitUntilReadyAsync();
        Assert.StartsWith("http://127.0.0.1:", address);

        // The health verb (the container's HEALTHCHECK) agrees.
        var health = ExternalTool.Run("dotnet", ["exec", ServerProcess.Dll, "health", "--url", address + "/health"]);
        Assert.Equal(0, health.ExitCode);
        Assert.Contains("\"ready\"", health.StdOut);

        // A second server on the same data directory fails fast with a clear message.
        using (var second = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", data]))
        {
            Assert.Equal(2, await second.WaitForExitAsync(ExitTimeout));
            Assert.Contains(second.StdErr, line => line.Contains("is in use by another PacsEdge process"));
        }
        // The lock file names its owner for people (cat does not take the lock; .NET's readers would).
        Assert.Equal(server.Id.ToString(), ExternalTool.RunChecked("cat", [Path.Combine(data, DataDirectoryLock.FileName)]).StdOut.Trim());

        server.Signal("TERM");
        Assert.Equal(0, await server.WaitForExitAsync(ExitTimeout));
        Assert.Contains(server.StdOut, line => line.Contains("Application is shutting down"));
        using (DataDirectory.Open(data)) { } // the lock was released

        var gone = ExternalTool.Run("dotnet", ["exec", ServerProcess.Dll, "health", "--url", address + "/health", "--timeout", "2"]);
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task No_verb_runs_the_server_from_PACSEDGE_variables_and_a_crash_releases_the_lock()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("from-env");
        using var server = ServerProcess.Start([], new Dictionary<string, string>
        {
            ["PACSEDGE__Server__Urls"] = "http://127.0.0.1:0",
            ["PACSEDGE__Storage__DataDirectory"] = data,
        });
        var address = await server.WaitUntilReadyAsync();
        using (var client = new HttpClient())
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(address + "/nothing")).StatusCode);
        Assert.Throws<PacsEdgeException>(() => DataDirectory.Open(data).Dispose());

        server.Signal("KILL");
        await server.WaitForExitAsync(ExitTimeout);
        using (DataDirectory.Open(data)) { } // the kernel dropped the crashed process's lock
    }

    [Fact]
    public async Task Command_line_wins_over_environment()
    {
        using var temp = new TempDirectory();
        using var server = ServerProcess.Start(["serve", "--data", temp.Combine("from-cli")], new Dictionary<string, string>
        {
            ["PACSEDGE__Server__Urls"] = "http://127.0.0.1:0",
            ["PACSEDGE__Storage__DataDirectory"] = temp.Combine("from-env"),
        });
        await server.WaitUntilReadyAsync();
        Assert.True(File.Exists(temp.Combine("from-cli", DataDirectoryLock.FileName)));
        Assert.False(Directory.Exists(temp.Combine("from-env")));
        server.Signal("TERM");
        Assert.Equal(0, await server.WaitForExitAsync(ExitTimeout));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8080", "is not an http:// or https:// address")]
    [InlineData("not a url", "is not an http:// or https:// address")]
    public async Task A_bad_listen_address_fails_start_up_with_one_line(string urls, string reason)
    {
        using var temp = new TempDirectory();
        using var server = ServerProcess.Start(["serve", "--urls", urls, "--data", temp.Combine("data")]);
        Assert.Equal(2, await server.WaitForExitAsync(ExitTimeout));
        Assert.Contains(server.StdErr, line => line.StartsWith("pacsedge serve:") && line.Contains(reason));
    }

    [Fact]
    public async Task An_address_in_use_fails_start_up_and_releases_the_lock()
    {
        using var temp = new TempDirectory();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var server = ServerProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", temp.Combine("data")]);
            Assert.Equal(2, await server.WaitForExitAsync(ExitTimeout));
            Assert.Contains(server.StdErr, line => line.Contains("cannot listen"));
            using (DataDirectory.Open(temp.Combine("data"))) { }
        }
        finally { listener.Stop(); }
    }
}
