using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests;

public sealed class PluginLoadingTests
{
    [Fact]
    public async Task The_default_configuration_starts_the_DicomWeb_plugin()
    {
        await using var server = await InProcessServer.StartAsync();
        var plugins = server.App.Services.GetRequiredService<IReadOnlyList<IPacsEdgePlugin>>();
        Assert.Contains(plugins, p => p is DicomWebPlugin && p.Name == "DicomWeb");
    }

    [Fact]
    public async Task A_disabled_plugin_maps_no_routes()
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Plugins:Disabled:0"] = "dicomweb", ["Plugins:Disabled:1"] = "ohif" });
        Assert.Empty(server.App.Services.GetRequiredService<IReadOnlyList<IPacsEdgePlugin>>());
    }
}
