namespace PacsEdge.Server.Configuration;

/// <summary>
/// What the command line passes to the host: values given as options (null when not given, so appsettings.json
/// and PACSEDGE__* variables apply) and where appsettings.json is looked for.
/// </summary>
public sealed record HostSettings
{
    public string? Urls { get; init; }
    public string? DataDirectory { get; init; }
    /// <summary>The folder holding appsettings.json; the application's own folder by default.</summary>
    public string ConfigurationDirectory { get; init; } = AppContext.BaseDirectory;
    /// <summary>Extra configuration read last (tests use it); keys as "Section:Name".</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
