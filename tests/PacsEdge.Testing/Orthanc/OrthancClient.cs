using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PacsEdge.Testing.Orthanc;

/// <summary>
/// The parts of Orthanc's REST API the interop tests and the benchmark use: its core (/instances, /tools/lookup)
/// and its DICOMweb plugin's client towards a configured remote server (/dicom-web/servers/{name}/stow, qido,
/// retrieve, get). A non-2xx answer throws with Orthanc's body, so a failing test says what Orthanc said.
/// </summary>
public sealed class OrthancClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>POST /instances with the raw file (Orthanc's own fastest ingest path). Returns the Orthanc instance id and status.</summary>
    public async Task<(string Id, string Status)> UploadAsync(byte[] file, CancellationToken cancel = default)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        var answer = (await SendAsync(HttpMethod.Post, "instances", content, cancel))!.AsObject();
        return ((string)answer["ID"]!, (string)answer["Status"]!);
    }

    public async Task<byte[]> GetFileAsync(string instanceId, CancellationToken cancel = default)
    {
        using var response = await Http.GetAsync($"instances/{instanceId}/file", cancel);
        await EnsureSuccessAsync(response, "GET", $"instances/{instanceId}/file");
        return await response.Content.ReadAsByteArrayAsync(cancel);
    }

    public async Task<string[]> ListAsync(string level, CancellationToken cancel = default) =>
        [.. (await SendAsync(HttpMethod.Get, level, null, cancel))!.AsArray().Select(n => (string)n!)];

    /// <summary>Deletes every patient (and so every study, series and instance) Orthanc holds.</summary>
    public async Task DeleteEverythingAsync(CancellationToken cancel = default)
    {
        foreach (var patient in await ListAsync("patients", cancel))
            await SendAsync(HttpMethod.Delete, $"patients/{patient}", null, cancel);
    }

    /// <summary>The Orthanc id of the instance with this SOP Instance UID, or null (POST /tools/lookup).</summary>
    public async Task<string?> FindInstanceAsync(string sopInstanceUid, CancellationToken cancel = default)
    {
        var found = (await SendAsync(HttpMethod.Post, "tools/lookup", new StringContent(sopInstanceUid), cancel))!.AsArray();
        return found.Where(f => (string?)f!["Type"] == "Instance").Select(f => (string?)f!["ID"]).FirstOrDefault();
    }

    /// <summary>Orthanc's STOW-RS client: sends these Orthanc resources (any level) to the remote server, synchronously.</summary>
    public async Task<JsonNode> StowToAsync(string server, IEnumerable<string> resources, CancellationToken cancel = default) =>
        (await PostJsonAsync($"dicom-web/servers/{server}/stow", new JsonObject
        {
            ["Resources"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
            ["Synchronous"] = true,
        }, cancel))!;

    /// <summary>Orthanc's QIDO-RS client: <paramref name="uri"/> like "/studies", arguments sent as the query string.</summary>
    public async Task<JsonArray> QidoAsync(string server, string uri, IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancel = default)
    {
        var body = new JsonObject { ["Uri"] = uri };
        if (arguments is not null)
        {
            var args = new JsonObject();
            foreach (var (k, v) in arguments) args[k] = v;
            body["Arguments"] = args;
        }
        return (await PostJsonAsync($"dicom-web/servers/{server}/qido", body, cancel))!.AsArray();
    }

    /// <summary>Orthanc's WADO-RS client: retrieves whole studies into Orthanc (it GETs /studies/{uid} from the remote server).</summary>
    public async Task<JsonNode> RetrieveStudiesAsync(string server, IEnumerable<string> studyInstanceUids, CancellationToken cancel = default) =>
        (await PostJsonAsync($"dicom-web/servers/{server}/retrieve", new JsonObject
        {
            ["Resources"] = new JsonArray([.. studyInstanceUids.Select(uid => (JsonNode)new JsonObject { ["Study"] = uid })]),
            ["Synchronous"] = true,
        }, cancel))!;

    /// <summary>Orthanc's generic DICOMweb GET through the remote server (e.g. "/studies/{uid}/series/{uid}/metadata").</summary>
    public async Task<JsonNode?> GetFromAsync(string server, string uri, CancellationToken cancel = default) =>
        await PostJsonAsync($"dicom-web/servers/{server}/get", new JsonObject { ["Uri"] = uri }, cancel);

    private async Task<JsonNode?> PostJsonAsync(string path, JsonObject body, CancellationToken cancel) =>
        await SendAsync(HttpMethod.Post, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancel);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await Http.SendAsync(request, cancel);
        await EnsureSuccessAsync(response, method.Method, path);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string path)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new HttpRequestException($"Orthanc {method} /{path} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
    }
}
