using Microsoft.AspNetCore.Routing;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>The Rendered routes of the DICOMweb plugin (placeholder until they land).</summary>
internal static class RenderedEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
