using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsEdge.Plugins;

namespace PacsEdge.Ohif;

/// <summary>The OHIF viewer at <see cref="OhifOptions.BasePath"/> (/ohif/), reading this server's DICOMweb on the same origin.</summary>
public sealed class OhifPlugin : IPacsEdgePlugin
{
    public string Name => "Ohif";

    public void ConfigureServices(PluginContext context, IServiceCollection services)
    {
        var dicomWebBase = context.Configuration["Plugins:DicomWeb:BasePath"];
        services.AddOptions<OhifOptions>().Bind(context.Section)
            .PostConfigure(o => o.DicomWebRoot ??= string.IsNullOrWhiteSpace(dicomWebBase) ? "/dicom-web" : dicomWebBase)
            .Validate(o => o.Validate() is null, "invalid Plugins:Ohif options").ValidateOnStart();
        services.AddSingleton(sp => OhifDistribution.Locate(sp.GetRequiredService<IOptions<OhifOptions>>().Value.Directory, AppContext.BaseDirectory));
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<OhifOptions>>().Value;
        var dist = routes.ServiceProvider.GetRequiredService<OhifDistribution>();
        var logger = routes.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("PacsEdge.Ohif");
        if (dist.Root is null)
            logger.LogWarning("OHIF viewer not served at {BasePath}/: {Reason}", options.BasePath, dist.MissingReason);
        else
            logger.LogInformation("OHIF viewer {Version} from {Directory} at {BasePath}/", dist.Version ?? "(unknown version)", dist.Root, options.BasePath);
        OhifEndpoints.Map(routes, options, options.DicomWebRoot!, dist);
    }
}
