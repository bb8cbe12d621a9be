using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Plugins;
using Microsoft.Extensions.Configuration;

namespace PacsEdge.Server.Tests.Plugins;

/// <summary>
/// A plugin built apart from the host (tests/PacsEdge.SamplePlugin), copied into a plugin folder and loaded from
/// Plugins:Directory in its own load context, uses the SDK end to end over real HTTP.
/// </summary>
public sealed class FolderPluginTests
{
    private static readonly string CtSmall = CorpusFiles.PathOf("test_files/CT_small.dcm");

    private static string SamplePluginBuild()
    {
        // Same configuration as this test assembly (bin/Debug/net10.0 or bin/Release/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return RepoPaths.Of("tests", "PacsEdge.SamplePlugin", "bin", configuration, "net10.0");
    }

    private static string InstallSamplePlugin(TempDirectory temp)
    {
        var folder = temp.Combine("plugins", "PacsEdge.SamplePlugin");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SamplePluginBuild()))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return temp.Combine("plugins");
    }

    [Fact]
    public async Task A_folder_plugin_stores_queries_reads_frames_deletes_and_hears_the_events()
    {
        using var temp = new TempDirectory();
        var plugins = InstallSamplePlugin(temp);
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = plugins,
            ["Plugins:Sample:Greeting"] = "bonjour",
        });
        await server.WaitUntilReadyAsync();
        Assert.Equal("bonjour", await server.Client.GetStringAsync("/sample/greeting"));

        using var body = new StreamContent(File.OpenRead(CtSmall));
        var stored = await (await server.Client.PostAsync("/sample/store", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Stored", stored.GetProperty("status").GetString());

        var study = DicomFileReader.Read(CtSmall).Dataset.GetString(DicomTags.StudyInstanceUID)!;
        Assert.Equal([study], await server.Client.GetFromJsonAsync<string[]>("/sample/studies") ?? []);

        var frame = await server.Client.GetFromJsonAsync<JsonElement>($"/sample/studies/{study}/first-frame");
        Assert.Equal(128, frame.GetProperty("rows").GetInt32());
        Assert.Equal(128 * 128 * 2, frame.GetProperty("frameBytes").GetInt32()); // CT_small: 128x128, 16 bits allocated
        Assert.Equal(1, frame.GetProperty("frameCount").GetInt32());

        var deleted = await (await server.Client.DeleteAsync($"/sample/studies/{study}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, deleted.GetProperty("deleted").GetInt32());
        Assert.Empty(await server.Client.GetFromJsonAsync<string[]>("/sample/studies") ?? ["?"]);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "blobs"), "*", SearchOption.AllDirectories));

        // Stored events are delivered off the store path: wait for them briefly.
        JsonElement events = default;
        for (int i = 0; i < 100; i++)
        {
            events = await server.Client.GetFromJsonAsync<JsonElement>("/sample/events");
            if (events.GetProperty("stored").GetArrayLength() > 0) break;
            await Task.Delay(50);
        }
        Assert.Equal(stored.GetProperty("sopInstanceUid").GetString(), events.GetProperty("stored")[0].GetString());
        Assert.Equal($"{study}:1", events.GetProperty("deleted")[0].GetString());
    }

    [Fact]
    public void A_missing_plugin_folder_or_assembly_stops_start_up_with_a_reason()
    {
        var missingFolder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:Directory"] = "/nonexistent/plugins" }).Build();
        var e = Assert.Throws<PacsEdgeException>(() => PluginLoader.Load(missingFolder));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
        Assert.Contains("/nonexistent/plugins", e.Message);

        var missingAssembly = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:Assemblies:0"] = "PacsEdge.NoSuchPlugin" }).Build();
        e = Assert.Throws<PacsEdgeException>(() => PluginLoader.Load(missingAssembly));
        Assert.Contains("PacsEdge.NoSuchPlugin", e.Message);
    }

    [Fact]
    public void Disabled_names_are_matched_without_case_and_an_empty_list_loads_nothing()
    {
        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:Assemblies:0"] = "" }).Build();
        Assert.Empty(PluginLoader.Load(none));
        var disabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:Disabled:0"] = "DICOMWEB" }).Build();
        Assert.DoesNotContain(PluginLoader.Load(disabled), p => p.Name == "DicomWeb");
    }
}
