using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Ohif;

/// <summary>
/// The viewer's routes: {base} redirects to {base}/, {base}/app-config.js is generated, files of the dist are
/// served (relocated to the base where needed), and any other path without a file extension is one of OHIF's
/// client routes (/ohif/viewer?StudyInstanceUIDs=...) and gets index.html, where OHIF's router takes over.
/// </summary>
internal static class OhifEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder routes, OhifOptions options, string dicomWebRoot, OhifDistribution dist)
    {
        var basePath = options.BasePath;
        var relocation = new OhifRelocation(basePath);
        string[] readMethods = [HttpMethods.Get, HttpMethods.Head];

        routes.MapMethods(basePath + "/app-config.js", readMethods, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(OhifAppConfig.Render(basePath, dicomWebRoot, dist.Version), "text/javascript", Encoding.UTF8);
        });

        // Also matches the base itself (routing ignores a trailing slash): /ohif is redirected to /ohif/, so that
        // the page's relative URLs resolve below the base.
        routes.MapMethods(basePath + "/{**path}", readMethods, (HttpContext http, string? path) =>
        {
            if (!http.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(path))
                return Results.Redirect(basePath + "/" + http.Request.QueryString.Value);
            if (dist.Root is null) throw new PacsEdgeException(ErrorCode.NotFound, dist.MissingReason!);
            path ??= "";
            var file = path.Length == 0 ? null : dist.FindFile(path);
            if (file is null)
            {
                if (HasExtension(path))
                    throw new PacsEdgeException(ErrorCode.NotFound, $"The OHIF viewer has no file '{path}'.");
                file = dist.FindFile("index.html")!;
            }
            return Serve(http, file, relocation);
        });
    }

    private static IResult Serve(HttpContext http, string file, OhifRelocation relocation)
    {
        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (Path.GetFileName(file) == "index.html")
        {
            // The page names the bundles; it must be revalidated so a new OHIF version is picked up at once.
            http.Response.Headers.CacheControl = "no-cache";
            contentType = "text/html; charset=utf-8";
        }
        var rewritten = relocation.Rewrite(file);
        var lastModified = File.GetLastWriteTimeUtc(file);
        return rewritten is null
            ? Results.File(file, contentType, lastModified: lastModified, enableRangeProcessing: true)
            : Results.Bytes(rewritten, contentType, lastModified: lastModified, entityTag: new EntityTagHeaderValue($"\"r{lastModified.Ticks:x}-{rewritten.Length:x}\""));
    }

    private static bool HasExtension(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.Contains('.');
    }
}
