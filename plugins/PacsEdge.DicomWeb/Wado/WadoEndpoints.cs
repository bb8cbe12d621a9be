using Microsoft.AspNetCore.Routing;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>The Wado routes of the DICOMweb plugin (placeholder until they land).</summary>
internal static class WadoEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
