using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsEdge.Index;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// The WADO-RS routes (PS3.18 10.4): retrieve (study, series, instance), metadata (same three levels), frames and
/// bulk data. Rendered resources are mapped by <see cref="Rendered.RenderedEndpoints"/>.
/// </summary>
internal static class WadoEndpoints
{
    private const string Study = "/studies/{study}";
    private const string Series = Study + "/series/{series}";
    private const string Instance = Series + "/instances/{instance}";

    public static void Map(IEndpointRouteBuilder group)
    {
        var services = group.ServiceProvider;
        var options = WadoOptions.From(services.GetRequiredService<IConfiguration>());
        var basePath = services.GetRequiredService<IOptions<DicomWebOptions>>().Value.BasePath;
        // One cache for the plugin's lifetime; it holds only JSON keyed by content hash.
        var cache = new MetadataCache(options.MetadataCacheBytes);
        services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopped.Register(cache.Dispose);

        RetrieveHandler Retrieve(HttpContext c) => new(c.RequestServices.GetRequiredService<IDicomIndex>(), c.RequestServices.GetRequiredService<IInstanceReader>());
        MetadataHandler Metadata(HttpContext c) => new(c.RequestServices.GetRequiredService<IDicomIndex>(), c.RequestServices.GetRequiredService<IInstanceReader>(), options, cache, basePath);

        group.MapGet(Study, (HttpContext c, string study) => Retrieve(c).HandleAsync(c, study, null, null));
        group.MapGet(Series, (HttpContext c, string study, string series) => Retrieve(c).HandleAsync(c, study, series, null));
        group.MapGet(Instance, (HttpContext c, string study, string series, string instance) => Retrieve(c).HandleAsync(c, study, series, instance));

        group.MapGet(Study + "/metadata", (HttpContext c, string study) => Metadata(c).HandleAsync(c, study, null, null));
        group.MapGet(Series + "/metadata", (HttpContext c, string study, string series) => Metadata(c).HandleAsync(c, study, series, null));
        group.MapGet(Instance + "/metadata", (HttpContext c, string study, string series, string instance) => Metadata(c).HandleAsync(c, study, series, instance));

        group.MapGet(Instance + "/frames/{frames}", (HttpContext c, string study, string series, string instance, string frames) =>
            new FramesHandler(c.RequestServices.GetRequiredService<IDicomIndex>(), c.RequestServices.GetRequiredService<IInstanceReader>())
                .HandleAsync(c, study, series, instance, frames));
        group.MapGet(Instance + "/bulkdata/{**path}", (HttpContext c, string study, string series, string instance, string path) =>
            new BulkDataHandler(c.RequestServices.GetRequiredService<IDicomIndex>(), c.RequestServices.GetRequiredService<IInstanceReader>())
                .HandleAsync(c, study, series, instance, path));
    }
}
