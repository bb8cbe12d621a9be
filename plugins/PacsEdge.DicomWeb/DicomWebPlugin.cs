using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsEdge.DicomWeb.Delete;
using PacsEdge.DicomWeb.Qido;
using PacsEdge.DicomWeb.Rendered;
using PacsEdge.DicomWeb.Stow;
using PacsEdge.DicomWeb.Wado;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb;

/// <summary>DICOMweb (PS3.18) at <see cref="DicomWebOptions.BasePath"/>: STOW-RS, QIDO-RS, WADO-RS and DELETE.</summary>
public sealed class DicomWebPlugin : IPacsEdgePlugin
{
    public string Name => "DicomWeb";

    public void ConfigureServices(PluginContext context, IServiceCollection services)
    {
        services.AddOptions<DicomWebOptions>().Bind(context.Section).Validate(o => o.Validate() is null, "invalid Plugins:DicomWeb options").ValidateOnStart();
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<DicomWebOptions>>().Value;
        var group = routes.MapGroup(options.BasePath);
        StowEndpoints.Map(group);
        QidoEndpoints.Map(group);
        WadoEndpoints.Map(group);
        RenderedEndpoints.Map(group);
        DeleteEndpoints.Map(group);
    }
}
