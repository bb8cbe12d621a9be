using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Delete;

/// <summary>
/// DELETE of a study, a series or an instance: index rows and files go together (IInstanceDeleter). 204 No Content
/// on success, as Microsoft's dicom-server and dcm4chee-arc answer their DELETE; 404 when nothing was stored there.
/// Admin-only once roles arrive (a later issue): until then anyone who can reach the server can delete.
/// </summary>
internal static class DeleteEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapDelete("/studies/{study}", (HttpContext http, string study) =>
            DeleteAsync(http, HierarchyPath.Study(study), $"Study {study}"));
        group.MapDelete("/studies/{study}/series/{series}", (HttpContext http, string study, string series) =>
            DeleteAsync(http, HierarchyPath.Series(study, series), $"Series {series} of study {study}"));
        group.MapDelete("/studies/{study}/series/{series}/instances/{instance}", (HttpContext http, string study, string series, string instance) =>
            DeleteAsync(http, HierarchyPath.Instance(study, series, instance), $"Instance {instance} of series {series} in study {study}"));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, HierarchyPath target, string what)
    {
        var deleter = http.RequestServices.GetRequiredService<IInstanceDeleter>();
        // Not the request's token: once rows start going, a client hanging up must not leave files behind half-deleted.
        int removed = await deleter.DeleteAsync(target, CancellationToken.None);
        return removed > 0
            ? Results.NoContent()
            : throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"{what} is not stored.");
    }
}
