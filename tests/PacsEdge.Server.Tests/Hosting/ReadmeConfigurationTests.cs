using PacsEdge.DicomWeb;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Plugins;
using PacsEdge.Server.Hosting;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Hosting;

/// <summary>Every option class property has a row in README's Configuration table, with its real default.</summary>
public class ReadmeConfigurationTests
{
    public static TheoryData<string, string, string> Options() => new()
    {
        { ServerOptions.Section, nameof(ServerOptions.Urls), new ServerOptions().Urls },
        { ServerOptions.Section, nameof(ServerOptions.ShutdownTimeoutSeconds), new ServerOptions().ShutdownTimeoutSeconds.ToString() },
        { StorageOptions.Section, nameof(StorageOptions.DataDirectory), new StorageOptions().DataDirectory },
        { StorageOptions.Section, nameof(StorageOptions.OnDuplicate), new StorageOptions().OnDuplicate.ToString() },
        { IndexProviderOptions.Section, nameof(IndexProviderOptions.Provider), new IndexProviderOptions().Provider },
        { IndexProviderOptions.Section, nameof(IndexProviderOptions.ConnectionString), new IndexProviderOptions().ConnectionString },
        { IndexProviderOptions.Section, nameof(IndexProviderOptions.ExtraTags), "[]" }, // an empty list
        { PluginOptions.Section, nameof(PluginOptions.Assemblies), string.Join(", ", PluginOptions.DefaultAssemblies) },
        { PluginOptions.Section, nameof(PluginOptions.Directory), "" },
        { PluginOptions.Section, nameof(PluginOptions.Disabled), "" },
        { CorsOptions.Section, nameof(CorsOptions.AllowedOrigins), "" },
        { ForwardedHeadersSettings.Section, nameof(ForwardedHeadersSettings.KnownProxies), "" },
        { DicomWebOptions.Section, nameof(DicomWebOptions.BasePath), new DicomWebOptions().BasePath },
        { DicomWebOptions.Section, nameof(DicomWebOptions.MaxQueryLimit), new DicomWebOptions().MaxQueryLimit.ToString() },
        { DicomWebOptions.Section, nameof(DicomWebOptions.MaxRequestBytes), new DicomWebOptions().MaxRequestBytes.ToString() },
        { DicomWebOptions.Section, nameof(DicomWebOptions.StowConcurrency), new DicomWebOptions().StowConcurrency.ToString() },
        { DicomWebOptions.Section, nameof(DicomWebOptions.StowPartBufferBytes), new DicomWebOptions().StowPartBufferBytes.ToString() },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Each_option_is_documented_with_its_default(string section, string name, string defaultValue)
    {
        var row = File.ReadLines(RepoPaths.Of("README.md")).SingleOrDefault(l => l.StartsWith($"| `{section}:{name}` |"));
        Assert.NotNull(row);
        Assert.Contains($"`PACSEDGE__{section.Replace(":", "__")}__{name}`", row);
        Assert.Contains($"`{defaultValue}`", row);
    }

    [Fact]
    public void The_list_above_covers_every_property_of_the_option_classes()
    {
        var documented = Options().Select(row => $"{row[0]}:{row[1]}").Order();
        var actual = new[] { typeof(ServerOptions), typeof(StorageOptions), typeof(IndexProviderOptions), typeof(PluginOptions), typeof(DicomWebOptions), typeof(CorsOptions), typeof(ForwardedHeadersSettings) }
            .SelectMany(t => t.GetProperties().Select(p => $"{t.GetField("Section")!.GetValue(null)}:{p.Name}")).Order();
        Assert.Equal(actual, documented);
    }
}
