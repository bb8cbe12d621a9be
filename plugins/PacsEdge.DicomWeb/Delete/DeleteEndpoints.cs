using Microsoft.AspNetCore.Routing;

namespace PacsEdge.DicomWeb.Delete;

/// <summary>The Delete routes of the DICOMweb plugin (placeholder until they land).</summary>
internal static class DeleteEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
