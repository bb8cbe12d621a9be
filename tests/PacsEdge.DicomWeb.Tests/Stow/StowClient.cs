using System.Net.Http.Headers;
using System.Text.Json;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>Builds STOW-RS requests (multipart/related bodies through the core's writer) and reads DICOM JSON answers.</summary>
internal static class StowClient
{
    public const string Boundary = "stow-test-boundary-0123456789";

    public static byte[] Body(params (string ContentType, byte[] Bytes)[] parts)
    {
        var output = new MemoryStream();
        var writer = new MultipartWriter(output, boundary: Boundary);
        foreach (var (type, bytes) in parts) writer.WritePartAsync(new MultipartHeaders(type), bytes).GetAwaiter().GetResult();
        writer.CompleteAsync().GetAwaiter().GetResult();
        return output.ToArray();
    }

    public static byte[] DicomBody(params byte[][] instances) => Body(instances.Select(i => ("application/dicom", i)).ToArray());

    public static HttpContent Content(byte[] body, string contentType = $"multipart/related; type=\"application/dicom\"; boundary={Boundary}")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> PostAsync(HttpClient client, string path, byte[] body, string? accept = "application/dicom+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Content(body) };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static byte[] Corpus(string name) => File.ReadAllBytes(CorpusFiles.PathOf("test_files/" + name));

    /// <summary>The items of a DICOM JSON sequence, or none when absent.</summary>
    public static JsonElement[] Items(JsonElement dataset, string tag) =>
        dataset.TryGetProperty(tag, out var seq) && seq.TryGetProperty("Value", out var v) ? v.EnumerateArray().ToArray() : [];

    public static string? String(JsonElement dataset, string tag) =>
        dataset.TryGetProperty(tag, out var e) && e.TryGetProperty("Value", out var v) ? v[0].ToString() : null;

    public const string RetrieveUrl = "00081190", FailedSops = "00081198", ReferencedSops = "00081199",
        SopClass = "00081150", SopInstance = "00081155", WarningReason = "00081196", FailureReason = "00081197";
}
