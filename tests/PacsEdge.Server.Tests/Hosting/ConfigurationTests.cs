using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Hosting;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Hosting;

/// <summary>appsettings.json, then the command line (PACSEDGE__ variables are tested on a real process, where they cannot leak into other tests).</summary>
public class ConfigurationTests
{
    [Fact]
    public async Task Appsettings_json_is_read_and_the_command_line_overrides_it()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("appsettings.json"), $$"""
            { "Server": { "Urls": "http://127.0.0.1:0", "ShutdownTimeoutSeconds": 7 },
              "Storage": { "DataDirectory": "{{temp.Combine("from-json")}}" } }
            """);

        await using (var app = PacsEdgeHost.Build(new HostSettings { ConfigurationDirectory = temp.Path }))
        {
            Assert.Equal(7, app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.ShutdownTimeoutSeconds);
            Assert.Equal(temp.Combine("from-json"), app.Services.GetRequiredService<DataDirectory>().Root);
        }

        await using (var app = PacsEdgeHost.Build(new HostSettings { ConfigurationDirectory = temp.Path, DataDirectory = temp.Combine("from-cli") }))
            Assert.Equal(temp.Combine("from-cli"), app.Services.GetRequiredService<DataDirectory>().Root);

        var overrides = new Dictionary<string, string?> { ["Server:ShutdownTimeoutSeconds"] = "3" };
        await using (var app = PacsEdgeHost.Build(new HostSettings { ConfigurationDirectory = temp.Path, Overrides = overrides }))
            Assert.Equal(3, app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.ShutdownTimeoutSeconds);
    }

    [Fact]
    public async Task Disposing_a_built_host_releases_the_data_directory()
    {
        using var temp = new TempDirectory();
        var settings = new HostSettings { ConfigurationDirectory = temp.Path, Urls = "http://127.0.0.1:0", DataDirectory = temp.Combine("data") };
        var app = PacsEdgeHost.Build(settings);
        Assert.Equal(ErrorCode.DataDirectoryLocked, Assert.Throws<PacsEdgeException>(() => PacsEdgeHost.Build(settings)).Code);
        await app.DisposeAsync();
        await PacsEdgeHost.Build(settings).DisposeAsync();
    }

    [Theory]
    [InlineData("", "Server:Urls is empty")]
    [InlineData("http://127.0.0.1:8080;tcp://x", "'tcp://x' is not an http")]
    public void Invalid_options_fail_before_the_data_directory_is_touched(string urls, string reason)
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<PacsEdgeException>(() =>
            PacsEdgeHost.Build(new HostSettings { ConfigurationDirectory = temp.Path, Urls = urls, DataDirectory = temp.Combine("data") }));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
        Assert.Contains(reason, e.Message);
        Assert.False(Directory.Exists(temp.Combine("data")));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_InvalidConfiguration()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("appsettings.json"), """{ "Server": { "ShutdownTimeoutSeconds": "soon" } }""");
        var e = Assert.Throws<PacsEdgeException>(() => PacsEdgeHost.Build(new HostSettings { ConfigurationDirectory = temp.Path, DataDirectory = temp.Combine("data") }));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
        Assert.Contains("ShutdownTimeoutSeconds", e.Message);
    }

    [Fact]
    public void The_shipped_appsettings_json_holds_the_documented_defaults()
    {
        // pacsedge's appsettings.json is copied next to the tests with pacsedge.dll.
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var server = new ServerOptions();
        var storage = new StorageOptions();
        Assert.Equal(server.Urls, shipped["Server:Urls"]);
        Assert.Equal(server.ShutdownTimeoutSeconds.ToString(), shipped["Server:ShutdownTimeoutSeconds"]);
        Assert.Equal(storage.DataDirectory, shipped["Storage:DataDirectory"]);
        Assert.Equal("http://127.0.0.1:8080", ServerOptions.DefaultUrls);
        Assert.Equal("./pacsedge-data", StorageOptions.DefaultDataDirectory);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://192.168.1.5:8080", false)]
    public void Loopback_addresses_are_told_from_the_rest(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddress.IsLoopback(url));
}
