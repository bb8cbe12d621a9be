using System.Reflection;
using Microsoft.Extensions.Configuration;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Server.Plugins;

/// <summary>
/// Finds the plugins to start: every public concrete IPacsEdgePlugin in the configured assemblies and in the
/// plugin folder, minus the disabled ones. A configured plugin that cannot be loaded stops start-up with one
/// clear line (a PACS that silently runs without its DICOMweb plugin is worse than one that does not start).
/// </summary>
public static class PluginLoader
{
    public static IReadOnlyList<IPacsEdgePlugin> Load(IConfiguration configuration)
    {
        PluginOptions options;
        try { options = configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new PluginOptions(); }
        catch (InvalidOperationException e) { throw new PacsEdgeException(ErrorCode.InvalidConfiguration, e.Message, e); }

        var assemblies = new List<Assembly>();
        foreach (var name in options.Assemblies ?? [.. PluginOptions.DefaultAssemblies])
            if (!string.IsNullOrWhiteSpace(name)) assemblies.Add(LoadShipped(name.Trim()));
        if (!string.IsNullOrWhiteSpace(options.Directory))
            assemblies.AddRange(LoadFolder(options.Directory));

        var plugins = new List<IPacsEdgePlugin>();
        foreach (var assembly in assemblies.Distinct())
            foreach (var type in PluginTypes(assembly))
            {
                var plugin = Create(type);
                if (options.Disabled.Contains(plugin.Name, StringComparer.OrdinalIgnoreCase)) continue;
                if (plugins.Any(p => string.Equals(p.Name, plugin.Name, StringComparison.OrdinalIgnoreCase)))
                    throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Two plugins are named '{plugin.Name}' ({type.FullName} and {plugins.First(p => p.Name == plugin.Name).GetType().FullName}).");
                plugins.Add(plugin);
            }
        return plugins;
    }

    private static Assembly LoadShipped(string name)
    {
        try { return Assembly.Load(new AssemblyName(name)); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Plugins:Assemblies names '{name}', which cannot be loaded: {e.Message}", e);
        }
    }

    private static IEnumerable<Assembly> LoadFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!System.IO.Directory.Exists(full))
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Plugins:Directory '{full}' does not exist.");
        // One plugin per subfolder (its dll named like the folder, with its dependencies beside it), or dlls directly in the folder.
        var candidates = System.IO.Directory.EnumerateDirectories(full)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".dll")).Where(File.Exists)
            .Concat(System.IO.Directory.EnumerateFiles(full, "*.dll"));
        foreach (var path in candidates.Order(StringComparer.Ordinal))
        {
            Assembly assembly;
            try { assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path); }
            catch (Exception e) when (e is FileLoadException or BadImageFormatException)
            {
                throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"The plugin file '{path}' cannot be loaded: {e.Message}", e);
            }
            yield return assembly;
        }
    }

    private static IEnumerable<Type> PluginTypes(Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"The plugin assembly {assembly.GetName().Name} does not load: {e.Message}", e);
        }
        return types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPacsEdgePlugin).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    private static IPacsEdgePlugin Create(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Plugin {type.FullName} has no public parameterless constructor.");
        try { return (IPacsEdgePlugin)Activator.CreateInstance(type)!; }
        catch (TargetInvocationException e)
        {
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Plugin {type.FullName} failed to start: {e.InnerException?.Message}", e);
        }
    }
}
