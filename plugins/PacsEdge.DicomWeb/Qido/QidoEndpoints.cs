using Microsoft.AspNetCore.Routing;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>The Qido routes of the DICOMweb plugin (placeholder until they land).</summary>
internal static class QidoEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
