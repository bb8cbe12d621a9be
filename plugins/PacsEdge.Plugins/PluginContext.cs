using Microsoft.Extensions.Configuration;

namespace PacsEdge.Plugins;

/// <summary>What a plugin sees of the host while it configures itself.</summary>
/// <param name="Configuration">the whole configuration (appsettings.json, PACSEDGE__* variables, command line)</param>
/// <param name="Section">the plugin's own section, Plugins:{Name}</param>
/// <param name="DataDirectory">the absolute path of the locked data directory (plugins keep their state below it)</param>
public sealed record PluginContext(IConfiguration Configuration, IConfigurationSection Section, string DataDirectory);
