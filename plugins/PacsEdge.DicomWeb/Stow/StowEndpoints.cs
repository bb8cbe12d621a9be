using Microsoft.AspNetCore.Routing;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>The Stow routes of the DICOMweb plugin (placeholder until they land).</summary>
internal static class StowEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
