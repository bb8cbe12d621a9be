using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Plugins;

/// <summary>
/// A PacsEdge plugin (in the spirit of Orthanc's plugins): the host finds every public, non-abstract class that
/// implements this in the configured plugin assemblies (Plugins:Assemblies) and in the plugin folder
/// (Plugins:Directory), creates it with its parameterless constructor, lets it add services before the
/// application is built and map routes after. A plugin works with the host only through the services of this
/// SDK: <see cref="PacsEdge.Index.IDicomIndex"/> (query), <see cref="IInstanceReader"/> (read instances and frames),
/// <see cref="IStoreService"/> (store through the pipeline), <see cref="IInstanceDeleter"/> (delete), and it
/// reacts to changes by registering <see cref="IStoredInstanceObserver"/> / <see cref="IDeletedInstancesObserver"/>.
/// </summary>
public interface IPacsEdgePlugin
{
    /// <summary>Short, stable name ("dicom-web"): in logs, in Plugins:Disabled, and the plugin's configuration section is Plugins:{Name}.</summary>
    string Name { get; }

    /// <summary>Adds the plugin's services (observers, options, its own singletons). Runs before the host is built.</summary>
    void ConfigureServices(PluginContext context, IServiceCollection services);

    /// <summary>Maps the plugin's endpoints. Runs after the host's own middleware and /health.</summary>
    void MapRoutes(IEndpointRouteBuilder routes);
}
