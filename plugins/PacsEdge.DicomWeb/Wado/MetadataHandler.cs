using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// WADO-RS Retrieve Metadata for a study, series or instance (PS3.18 10.4.1.1.2): a JSON array with one DICOM JSON
/// object per instance, bulk values as BulkDataURIs. Strong ETag; If-None-Match answers 304. Instances are read
/// a window at a time in parallel (headers only: large values stay in the file) and written in index order, so a
/// large study streams out in bounded memory.
/// </summary>
internal sealed class MetadataHandler(IDicomIndex index, IInstanceReader reader, WadoOptions options, MetadataCache cache, string basePath)
{
    private const int Window = 32;
    private static readonly byte[] Comma = ","u8.ToArray();

    public async Task HandleAsync(HttpContext context, string study, string? series, string? instance)
    {
        var ct = context.RequestAborted;
        var contentType = Negotiate(AcceptHeader.Read(context.Request));
        var instances = await WadoTarget.ResolveAsync(index, study, series, instance, ct);
        var baseUrl = Http.DicomWebUrls.For(context.Request, basePath).ServiceRoot;
        var etag = MetadataETag.Compute(instances, baseUrl, options.MetadataBulkDataThreshold);
        var response = context.Response;
        response.Headers.ETag = etag;
        if (MetadataETag.Matches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var parallelism = Math.Clamp(Environment.ProcessorCount, 2, 8);
        using var gate = new SemaphoreSlim(parallelism);
        bool started = false;
        for (int from = 0; from < instances.Count; from += Window)
        {
            var window = instances.Skip(from).Take(Window)
                .Select(i => Task.Run(() => JsonOfAsync(i, baseUrl, gate, ct), ct)).ToList();
            try
            {
                foreach (var task in window)
                {
                    var json = await task;
                    if (!started)
                    {
                        // The first object is ready: from here on the status is 200 and errors can only abort.
                        response.ContentType = contentType;
                        await response.Body.WriteAsync("["u8.ToArray(), ct);
                        started = true;
                    }
                    else await response.Body.WriteAsync(Comma, ct);
                    await response.Body.WriteAsync(json, ct);
                }
            }
            finally
            {
                await Task.WhenAll(window.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
        }
        await response.Body.WriteAsync("]"u8.ToArray(), ct);
    }

    private async Task<byte[]> JsonOfAsync(StoredInstance instance, string baseUrl, SemaphoreSlim gate, CancellationToken ct)
    {
        if (cache.TryGet(instance.Sha256, baseUrl, out var cached)) return cached!;
        await gate.WaitAsync(ct);
        try
        {
            var json = await MetadataJson.BuildAsync(reader, instance, baseUrl, options.MetadataBulkDataThreshold, ct);
            cache.Set(instance.Sha256, baseUrl, json);
            return json;
        }
        finally { gate.Release(); }
    }

    /// <summary>application/dicom+json (also for application/json and wildcards); the XML form is not offered: 406.</summary>
    private static string Negotiate(IReadOnlyList<Dicom.Multipart.MediaType> accepted)
    {
        foreach (var range in accepted)
        {
            if (range.Is(DicomWebMediaTypes.ApplicationDicomJson) || range.Type == "*" || (range.Type == "application" && range.Subtype == "*"))
                return DicomWebMediaTypes.ApplicationDicomJson;
            if (range.Is("application/json")) return "application/json";
        }
        throw AcceptHeader.NotAcceptable("metadata (served as application/dicom+json)", accepted);
    }
}
