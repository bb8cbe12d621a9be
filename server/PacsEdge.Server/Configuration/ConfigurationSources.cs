using Microsoft.Extensions.Configuration;

namespace PacsEdge.Server.Configuration;

/// <summary>
/// The configuration sources, later ones winning: appsettings.json, PACSEDGE__* environment variables, the
/// command line. ASP.NET's own defaults (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS set by the aspnet image...)
/// are dropped so that one documented set of names decides where the server listens.
/// </summary>
public static class ConfigurationSources
{
    public const string EnvironmentPrefix = "PACSEDGE__";

    public static void Replace(IConfigurationBuilder configuration, HostSettings settings)
    {
        configuration.Sources.Clear();
        configuration.AddJsonFile(Path.Combine(settings.ConfigurationDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        var commandLine = new Dictionary<string, string?>();
        if (settings.Urls is not null) commandLine[$"{ServerOptions.Section}:{nameof(ServerOptions.Urls)}"] = settings.Urls;
        if (settings.DataDirectory is not null) commandLine[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] = settings.DataDirectory;
        foreach (var (key, value) in settings.Overrides) commandLine[key] = value;
        configuration.AddInMemoryCollection(commandLine);
    }
}
