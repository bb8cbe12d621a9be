using System.Net;
using System.Text.Json;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>Reading QIDO-RS DICOM JSON answers in the tests.</summary>
public static class QidoJson
{
    public static async Task<(HttpResponseMessage Response, List<JsonElement> Results)> GetAsync(HttpClient client, string uri, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return (response, doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList());
    }

    /// <summary>The first value of an attribute as text (a PN's Alphabetic group), or null when absent or empty.</summary>
    public static string? Value(this JsonElement result, string tagHex)
    {
        if (!result.TryGetProperty(tagHex, out var attribute) || !attribute.TryGetProperty("Value", out var values) || values.GetArrayLength() == 0)
            return null;
        var first = values[0];
        return first.ValueKind switch
        {
            JsonValueKind.Object => first.TryGetProperty("Alphabetic", out var a) ? a.GetString() : null,
            JsonValueKind.String => first.GetString(),
            _ => first.GetRawText(),
        };
    }

    public static List<string> Values(this JsonElement result, string tagHex) =>
        result.TryGetProperty(tagHex, out var attribute) && attribute.TryGetProperty("Value", out var values)
            ? values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
            : [];

    public static string? Vr(this JsonElement result, string tagHex) =>
        result.TryGetProperty(tagHex, out var attribute) ? attribute.GetProperty("vr").GetString() : null;

    public static List<string> Warnings(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];

    public static List<string> Uids(this IEnumerable<JsonElement> results, string tagHex) => results.Select(r => r.Value(tagHex)!).ToList();
}
