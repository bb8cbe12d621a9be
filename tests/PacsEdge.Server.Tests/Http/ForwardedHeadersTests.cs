using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Server.Tests.Http;

/// <summary>Forwarded (RFC 7239) and X-Forwarded-* change the request's origin only when they come from a known proxy.</summary>
public class ForwardedHeadersTests
{
    private static Task<InProcessServer> StartAsync(params string[] proxies) => InProcessServer.StartAsync(
        mapRoutes: app => app.MapGet("/test/origin", (HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}|{c.Connection.RemoteIpAddress}"),
        overrides: proxies.Select((p, i) => KeyValuePair.Create($"Server:ForwardedHeaders:KnownProxies:{i}", (string?)p)).ToDictionary());

    private static async Task<(string Origin, string Client)> OriginAsync(InProcessServer server, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/origin");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var parts = text.Split('|');
        return (parts[0], parts[1]);
    }

    [Fact]
    public async Task Without_known_proxies_the_headers_are_ignored()
    {
        await using var server = await StartAsync();
        var own = $"http://{server.Client.BaseAddress!.Authority}";
        Assert.Equal(own, (await OriginAsync(server, ("Forwarded", "proto=https;host=pacs.example.org"))).Origin);
        Assert.Equal(own, (await OriginAsync(server, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "pacs.example.org"), ("X-Forwarded-Prefix", "/pacs"))).Origin);
    }

    [Fact]
    public async Task Headers_from_an_address_outside_the_known_networks_are_ignored()
    {
        await using var server = await StartAsync("10.0.0.0/8", "192.0.2.1");
        var own = $"http://{server.Client.BaseAddress!.Authority}";
        Assert.Equal(own, (await OriginAsync(server, ("Forwarded", "proto=https;host=pacs.example.org"))).Origin);
        Assert.Equal(own, (await OriginAsync(server, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "pacs.example.org"))).Origin);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    public async Task X_Forwarded_headers_from_a_known_proxy_set_scheme_host_prefix_and_client(string proxy)
    {
        await using var server = await StartAsync(proxy);
        var (origin, client) = await OriginAsync(server, ("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "pacs.example.org:8443"), ("X-Forwarded-Prefix", "/pacs"));
        Assert.Equal("https://pacs.example.org:8443/pacs", origin);
        Assert.Equal("203.0.113.9", client);
    }

    [Theory]
    [InlineData("for=203.0.113.9;proto=https;host=pacs.example.org", "https://pacs.example.org", "203.0.113.9")]
    [InlineData("For=\"[2001:db8::7]:4711\"; Proto=HTTPS; Host=\"pacs.example.org:8443\"", "https://pacs.example.org:8443", "2001:db8::7")]
    // Two hops: the nearest (last) element came from 127.0.0.1, a known proxy, so the first element is believed too.
    [InlineData("for=198.51.100.1;proto=https;host=public.example.org, for=127.0.0.1;proto=http;host=internal.lan", "https://public.example.org", "198.51.100.1")]
    // The nearest element came from an unknown address: the one before it could be forged and is not used.
    [InlineData("for=198.51.100.1;proto=https;host=forged.example.org, for=203.0.113.5;proto=http;host=internal.lan", "http://internal.lan", "203.0.113.5")]
    public async Task The_Forwarded_header_from_a_known_proxy_sets_the_origin(string forwarded, string expectedOrigin, string expectedClient)
    {
        await using var server = await StartAsync("127.0.0.1");
        var (origin, client) = await OriginAsync(server, ("Forwarded", forwarded), ("X-Forwarded-Host", "ignored.example.org"));
        Assert.Equal(expectedOrigin, origin);
        Assert.Equal(expectedClient, client);
    }

    [Theory]
    [InlineData("proto=https;host=\"unterminated")]
    [InlineData("proto=gopher;host=pacs.example.org/evil")]
    [InlineData("host=user@evil.test")]
    [InlineData(";;;,,,=")]
    public async Task A_malformed_or_unsafe_Forwarded_header_changes_nothing_and_fails_nothing(string forwarded)
    {
        await using var server = await StartAsync("127.0.0.1");
        Assert.Equal($"http://{server.Client.BaseAddress!.Authority}", (await OriginAsync(server, ("Forwarded", forwarded))).Origin);
    }

    [Fact]
    public async Task A_known_proxy_entry_that_is_not_an_address_fails_start_up()
    {
        var e = await Assert.ThrowsAsync<PacsEdgeException>(() => StartAsync("proxy.example.org"));
        Assert.Equal(ErrorCode.InvalidConfiguration, e.Code);
    }
}
