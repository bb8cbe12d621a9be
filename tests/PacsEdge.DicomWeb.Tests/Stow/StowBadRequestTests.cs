using System.Net;
using System.Text;
using System.Text.Json;
using static PacsEdge.DicomWeb.Tests.Stow.StowClient;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>Every bad STOW-RS request is a clear 4xx problem (never a 500), and the server keeps storing afterwards.</summary>
public sealed class StowBadRequestTests
{
    public static TheoryData<string, string, byte[], int, string> BadRequests() => new()
    {
        { "missing boundary", "multipart/related; type=\"application/dicom\"", DicomBody(Corpus("CT_small.dcm")), 400, "boundary" },
        { "no content type", "", DicomBody(Corpus("CT_small.dcm")), 415, "Content-Type" },
        { "wrong content type", "application/json", "{}"u8.ToArray(), 415, "application/json" },
        { "single part application/dicom", "application/dicom", Corpus("CT_small.dcm"), 415, "application/dicom" },
        { "metadata form", $"multipart/related; type=\"application/dicom+json\"; boundary={Boundary}", DicomBody(Corpus("CT_small.dcm")), 415, "application/dicom+json" },
        { "unparsable content type", "multipart/related; type=\"unterminated", DicomBody(Corpus("CT_small.dcm")), 400, "does not parse" },
        { "body without the boundary", $"multipart/related; type=application/dicom; boundary={Boundary}", Corpus("CT_small.dcm"), 400, "malformed" },
        { "empty body", $"multipart/related; type=application/dicom; boundary={Boundary}", [], 400, "malformed" },
        { "close delimiter only", $"multipart/related; type=application/dicom; boundary={Boundary}", Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"), 400, "no parts" },
        { "part cut before its delimiter", $"multipart/related; type=application/dicom; boundary={Boundary}", DicomBody(Corpus("CT_small.dcm"))[..^40], 400, "malformed" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_a_problem_and_the_server_still_stores(string what, string contentType, byte[] body, int status, string detail)
    {
        await using var server = await InProcessServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicom-web/studies") { Content = new ByteArrayContent(body) };
        if (contentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await server.Client.SendAsync(request);
        await AssertProblemAsync(response, status, detail, what);
        await AssertStillStoresAsync(server);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("1.2.3abc")]
    [InlineData("1..2")]
    [InlineData("%2E%2E")]
    [InlineData("1.2.345678901234567890123456789012345678901234567890123456789012345")]
    public async Task A_path_like_or_invalid_study_uid_in_the_url_is_400(string study)
    {
        await using var server = await InProcessServer.StartAsync();
        var (response, _) = await PostAsync(server.Client, "/dicom-web/studies/" + study, DicomBody(Corpus("CT_small.dcm")));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{study}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertStillStoresAsync(server);
    }

    [Fact]
    public async Task An_Accept_that_allows_neither_JSON_nor_XML_is_406_before_anything_is_stored()
    {
        await using var server = await InProcessServer.StartAsync();
        var (response, _) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(Corpus("CT_small.dcm")), accept: "text/html, application/dicom+json;q=0");
        await AssertProblemAsync(response, 406, "application/dicom+json", "Accept");
        var (json, _) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(Corpus("CT_small.dcm")), accept: "*/*");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode); // stored now, so the 406 stored nothing
    }

    [Fact]
    public async Task A_body_over_MaxRequestBytes_is_413_declared_or_chunked()
    {
        await using var server = await InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Plugins:DicomWeb:MaxRequestBytes"] = "1000" });
        var body = DicomBody(Corpus("CT_small.dcm"));
        var (declared, _) = await PostAsync(server.Client, "/dicom-web/studies", body);
        await AssertProblemAsync(declared, 413, "MaxRequestBytes", "declared");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicom-web/studies") { Content = new StreamContent(new MemoryStream(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/related; type=application/dicom; boundary={Boundary}");
        request.Headers.TransferEncodingChunked = true;
        await AssertProblemAsync(await server.Client.SendAsync(request), 413, "MaxRequestBytes", "chunked");
    }

    [Fact]
    public async Task A_body_above_Kestrels_30_MB_default_is_accepted()
    {
        await using var server = await InProcessServer.StartAsync();
        // One part of 40 MB that is not DICOM: the limit is lifted, the part fails alone (409: nothing stored).
        var (response, json) = await PostAsync(server.Client, "/dicom-web/studies", Body(("application/dicom", new byte[40 * 1024 * 1024])));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single(Items(json, FailedSops));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detail, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertStillStoresAsync(InProcessServer server)
    {
        var (response, _) = await PostAsync(server.Client, "/dicom-web/studies", DicomBody(Corpus("MR_small.dcm")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
