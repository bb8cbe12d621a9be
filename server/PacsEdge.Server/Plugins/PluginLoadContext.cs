using System.Reflection;
using System.Runtime.Loader;

namespace PacsEdge.Server.Plugins;

/// <summary>
/// A load context per folder plugin: its own dependencies resolve from its folder (its .deps.json), while the
/// SDK, the DICOM core, the index and the framework come from the host, so that the plugin's IPacsEdgePlugin is
/// the host's type (otherwise the cast fails with two identical-looking types).
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsShared(name)) return null; // the default context's copy
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static bool IsShared(AssemblyName name) =>
        Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name)) ||
        name.Name is { } n && (n.StartsWith("PacsEdge.", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n.StartsWith("System.", StringComparison.Ordinal));
}
