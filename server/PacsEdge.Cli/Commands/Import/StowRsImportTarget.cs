using System.Net;
using System.Text.Json;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// A running PacsEdge (or any DICOMweb server) through STOW-RS: POST {server}/dicom-web/studies with one batch per
/// request (PS3.18 10.5). 200, 202 and 409 carry a per-instance response; any other answer fails the batch with
/// the server's reason (its problem detail), and the import carries on with the next batch.
/// </summary>
public sealed class StowRsImportTarget : IImportTarget
{
    private readonly HttpClient _client;
    private readonly Uri _studies;

    public StowRsImportTarget(string server)
    {
        if (!Uri.TryCreate(server.TrimEnd('/') + "/dicom-web/studies", UriKind.Absolute, out var studies)
            || studies.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{server}' is not an http:// or https:// address");
        _studies = studies;
        _client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        Description = "server " + server;
    }

    public string Description { get; }

    public async Task<IReadOnlyList<ImportOutcome>> SendAsync(IReadOnlyList<ImportItem> batch, CancellationToken cancellationToken)
    {
        var uids = batch.Select(item => item.SopInstanceUid ?? ReadSopInstanceUid(item)).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, _studies) { Content = new StowRsContent(batch) };
        request.Headers.TryAddWithoutValidation("Accept", DicomWebMediaTypes.ApplicationDicomJson);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Conflict && TryParse(body) is { } json)
                using (json) return StowRsResponse.Match(batch, uids, json.RootElement);
            return FailAll(batch, $"HTTP {(int)response.StatusCode} {ProblemDetail(body) ?? response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return FailAll(batch, e.Message);
        }
    }

    /// <summary>The SOP Instance UID from the header (pixel data not read), to match the response; null when unreadable.</summary>
    private static string? ReadSopInstanceUid(ImportItem item)
    {
        try
        {
            using var stream = item.Open();
            return DicomFileReader.Read(stream, DicomReaderOptions.UntilPixelData).Dataset.GetString(DicomTags.SOPInstanceUID);
        }
        catch (Exception e) when (e is DicomFormatException or IOException or UnauthorizedAccessException) { return null; }
    }

    private static IReadOnlyList<ImportOutcome> FailAll(IReadOnlyList<ImportItem> batch, string reason) =>
        batch.Select(item => new ImportOutcome(item.Name, ImportStatus.Failed, reason)).ToArray();

    private static JsonDocument? TryParse(string body)
    {
        try { return JsonDocument.Parse(body); }
        catch (JsonException) { return null; }
    }

    /// <summary>The "detail" of an RFC 9457 problem response, else the body's start.</summary>
    private static string? ProblemDetail(string body)
    {
        using var json = TryParse(body);
        if (json?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
            return d.GetString();
        return string.IsNullOrWhiteSpace(body) ? null : body.Length > 200 ? body[..200] : body;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
