namespace PacsEdge.Server.Plugins;

/// <summary>
/// Which plugins the host loads (section "Plugins"). <see cref="Assemblies"/> names assemblies next to the
/// pacsedge binary (the plugins shipped with PacsEdge); <see cref="Directory"/> is a folder of third-party plugin
/// assemblies, each loaded in its own load context; <see cref="Disabled"/> lists plugin names not to start.
/// </summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The plugins shipped with PacsEdge, loaded when Plugins:Assemblies is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultAssemblies = ["PacsEdge.DicomWeb", "PacsEdge.Ohif"];

    public List<string>? Assemblies { get; set; }
    public string? Directory { get; set; }
    public List<string> Disabled { get; set; } = [];
}
