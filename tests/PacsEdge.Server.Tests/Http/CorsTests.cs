using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Server.Tests.Http;

/// <summary>CORS is off by default and, when configured, answers only the listed origins and exposes DICOMweb's headers.</summary>
public class CorsTests
{
    private static Task<InProcessServer> StartAsync(params string[] origins) => InProcessServer.StartAsync(
        mapRoutes: app => app.MapGet("/test/etag", (HttpContext c) => { c.Response.Headers.ETag = "\"abc\""; return Results.Text("{}", "application/dicom+json"); }),
        overrides: origins.Select((o, i) => KeyValuePair.Create($"Server:Cors:AllowedOrigins:{i}", (string?)o)).ToDictionary());

    private static async Task<HttpResponseMessage> SendAsync(InProcessServer server, HttpMethod method, string path, string origin, string? preflightMethod = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        if (preflightMethod is not null)
        {
            request.Headers.Add("Access-Control-Request-Method", preflightMethod);
            request.Headers.Add("Access-Control-Request-Headers", "content-type, accept");
        }
        return await server.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    [Fact]
    public async Task By_default_no_CORS_headers_are_sent()
    {
        await using var server = await StartAsync();
        var response = await SendAsync(server, HttpMethod.Get, "/test/etag", "http://viewer.test");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        var preflight = await SendAsync(server, HttpMethod.Options, "/health", "http://viewer.test", "POST");
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_listed_origin_is_allowed_and_sees_the_DICOMweb_headers_others_are_not()
    {
        await using var server = await StartAsync("http://viewer.test:3000", "https://ohif.example.org/");
        var response = await SendAsync(server, HttpMethod.Get, "/test/etag", "http://viewer.test:3000");
        Assert.Equal("http://viewer.test:3000", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var h in new[] { "etag", "warning", "content-type", "location" }) Assert.Contains(h, exposed);

        Assert.Equal("https://ohif.example.org", Header(await SendAsync(server, HttpMethod.Get, "/health", "https://ohif.example.org"), "Access-Control-Allow-Origin"));
        Assert.Null(Header(await SendAsync(server, HttpMethod.Get, "/test/etag", "http://evil.test"), "Access-Control-Allow-Origin"));

        var preflight = await SendAsync(server, HttpMethod.Options, "/dicom-web/studies", "http://viewer.test:3000", "POST");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("http://viewer.test:3000", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods")!);
    }

    [Fact]
    public async Task A_star_allows_any_origin_also_on_problem_responses()
    {
        await using var server = await StartAsync("*");
        var response = await SendAsync(server, HttpMethod.Get, "/no/such/route", "http://anywhere.test");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("viewer.test")]
    [InlineData("ftp://viewer.test")]
    [InlineData("http://viewer.test/path")]
    public async Task A_malformed_origin_fails_start_up(string origin)
    {
        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => StartAsync(origin));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
    }
}
