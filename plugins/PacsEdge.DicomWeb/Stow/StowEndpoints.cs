using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>STOW-RS (PS3.18 10.5): POST {base}/studies and POST {base}/studies/{study}.</summary>
internal static class StowEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/studies", (HttpContext context, IStoreService store, IOptions<DicomWebOptions> options, ILoggerFactory logs) =>
            StowHandler.HandleAsync(context, null, store, options.Value, logs.CreateLogger(LogCategory)));
        group.MapPost("/studies/{study}", (HttpContext context, string study, IStoreService store, IOptions<DicomWebOptions> options, ILoggerFactory logs) =>
            StowHandler.HandleAsync(context, study, store, options.Value, logs.CreateLogger(LogCategory)));
    }

    private const string LogCategory = "PacsEdge.DicomWeb.Stow";
}
