using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>
/// WADO-RS rendered resources (PS3.18 10.4.1.1.3: instance and frame) and thumbnails (10.4.1.1.4: study, series,
/// instance, frame), as image/jpeg (default) or image/png. A multi-frame instance renders its first frame.
/// </summary>
internal static class RenderedEndpoints
{
    private const string Instance = "/studies/{study}/series/{series}/instances/{instance}";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Instance + "/rendered", (HttpContext http, string study, string series, string instance) =>
            RenderInstanceAsync(http, HierarchyPath.Instance(study, series, instance), null, thumbnail: false));
        group.MapGet(Instance + "/frames/{frame}/rendered", (HttpContext http, string study, string series, string instance, string frame) =>
            RenderInstanceAsync(http, HierarchyPath.Instance(study, series, instance), frame, thumbnail: false));
        group.MapGet(Instance + "/thumbnail", (HttpContext http, string study, string series, string instance) =>
            RenderInstanceAsync(http, HierarchyPath.Instance(study, series, instance), null, thumbnail: true));
        group.MapGet(Instance + "/frames/{frame}/thumbnail", (HttpContext http, string study, string series, string instance, string frame) =>
            RenderInstanceAsync(http, HierarchyPath.Instance(study, series, instance), frame, thumbnail: true));
        group.MapGet("/studies/{study}/series/{series}/thumbnail", (HttpContext http, string study, string series) =>
            RenderRepresentativeAsync(http, HierarchyPath.Series(study, series)));
        group.MapGet("/studies/{study}/thumbnail", (HttpContext http, string study) =>
            RenderRepresentativeAsync(http, HierarchyPath.Study(study)));
    }

    private static async Task<IResult> RenderInstanceAsync(HttpContext http, HierarchyPath path, string? frameText, bool thumbnail)
    {
        // Parameters and media type first: a bad request is a 400/406 whether or not the instance exists.
        int frame = frameText is null ? 1 : ParseFrameNumber(frameText);
        var parameters = RenderedParameters.Parse(http.Request.Query);
        var mediaType = RenderedMediaType.Negotiate(http.Request);
        var instances = await Index(http).GetInstancesAsync(path, http.RequestAborted);
        if (instances.Count == 0)
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"Instance {path.SopInstanceUid} of series {path.SeriesInstanceUid} in study {path.StudyInstanceUid} is not stored.");
        var bytes = await Renderer(http).RenderAsync(instances[0], frame, parameters, mediaType, thumbnail, http.RequestAborted);
        return Results.Bytes(bytes, mediaType);
    }

    private static async Task<IResult> RenderRepresentativeAsync(HttpContext http, HierarchyPath path)
    {
        var parameters = RenderedParameters.Parse(http.Request.Query);
        var mediaType = RenderedMediaType.Negotiate(http.Request);
        var instances = await Index(http).GetInstancesAsync(path, http.RequestAborted);
        if (instances.Count == 0)
            throw new PacsEdgeException(ErrorCode.ResourceNotFound, path.SeriesInstanceUid is null
                ? $"Study {path.StudyInstanceUid} is not stored."
                : $"Series {path.SeriesInstanceUid} of study {path.StudyInstanceUid} is not stored.");
        var renderer = Renderer(http);
        PacsEdgeException? last = null;
        foreach (var candidate in RepresentativeInstances.InPreferenceOrder(instances))
        {
            try
            {
                return Results.Bytes(await renderer.RenderAsync(candidate, 1, parameters, mediaType, thumbnail: true, http.RequestAborted), mediaType);
            }
            catch (PacsEdgeException e) when (e.Code is ErrorCode.NotAcceptable or ErrorCode.ResourceNotFound)
            {
                last = e; // no pixel data (a report, a SEG we cannot draw...): try the next candidate
            }
        }
        throw new PacsEdgeException(ErrorCode.NotAcceptable,
            $"None of the instances tried below {(path.SeriesInstanceUid is null ? "study " + path.StudyInstanceUid : "series " + path.SeriesInstanceUid)} can be rendered as a thumbnail" +
            (last is null ? "." : $" (last: {last.Message})"));
    }

    private static int ParseFrameNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new PacsEdgeException(ErrorCode.InvalidParameter, $"a rendered frame is one frame number from 1, not '{text}'");

    private static IDicomIndex Index(HttpContext http) => http.RequestServices.GetRequiredService<IDicomIndex>();

    private static InstanceRenderer Renderer(HttpContext http) => new(http.RequestServices.GetRequiredService<IInstanceReader>());
}
