using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// QIDO-RS (PS3.18 10.6, URI templates in Table 10.6.1-1): SearchForStudies, SearchForSeries (all, or of a study),
/// SearchForInstances (all, of a study, or of a series). A nested path's UIDs are matching keys (PS3.18 10.6.1.2):
/// an unknown study or series is an empty result (200 []), not a 404, as with any key that matches nothing.
/// </summary>
internal static class QidoEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/studies", (HttpContext c) => QidoSearch.HandleAsync(c, QueryLevel.Study, null, null));
        group.MapGet("/series", (HttpContext c) => QidoSearch.HandleAsync(c, QueryLevel.Series, null, null));
        group.MapGet("/instances", (HttpContext c) => QidoSearch.HandleAsync(c, QueryLevel.Instance, null, null));
        group.MapGet("/studies/{study}/series", (HttpContext c, string study) => QidoSearch.HandleAsync(c, QueryLevel.Series, study, null));
        group.MapGet("/studies/{study}/instances", (HttpContext c, string study) => QidoSearch.HandleAsync(c, QueryLevel.Instance, study, null));
        group.MapGet("/studies/{study}/series/{series}/instances",
            (HttpContext c, string study, string series) => QidoSearch.HandleAsync(c, QueryLevel.Instance, study, series));
    }
}
