using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PacsEdge.Viewer.Tests.Ohif;

/// <summary>Every request a page makes, with its outcome: the proof that OHIF stays on its origin and nothing fails.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly ConcurrentQueue<string> _offOrigin = new();
    private readonly ConcurrentQueue<string> _failed = new();

    public RequestLog(IPage page, Uri origin)
    {
        var prefix = origin.GetLeftPart(UriPartial.Authority) + "/";
        page.Request += (_, request) =>
        {
            // data: and blob: URLs are made inside the page (decoded images, worker code): not network requests.
            if (request.Url.StartsWith("data:", StringComparison.Ordinal) || request.Url.StartsWith("blob:", StringComparison.Ordinal)) return;
            if (!request.Url.StartsWith(prefix, StringComparison.Ordinal)) _offOrigin.Enqueue($"{request.Method} {request.Url}");
        };
        page.Response += (_, response) =>
        {
            var line = $"{response.Status} {response.Request.Method} {response.Url}";
            _entries.Enqueue(line);
            if (response.Status >= 400) _failed.Enqueue(line);
        };
        page.RequestFailed += (_, request) =>
        {
            var line = $"FAILED {request.Method} {request.Url}: {request.Failure}";
            _entries.Enqueue(line);
            _failed.Enqueue(line);
        };
    }

    public IReadOnlyList<string> Entries => [.. _entries];
    public IReadOnlyList<string> OffOrigin => [.. _offOrigin];
    public IReadOnlyList<string> Failed => [.. _failed];

    /// <summary>The DICOMweb requests (what OHIF asked the PACS for), for the report when something fails.</summary>
    public string DicomWebSummary() => string.Join('\n', Entries.Where(e => e.Contains("/dicom-web/", StringComparison.Ordinal)));
}
