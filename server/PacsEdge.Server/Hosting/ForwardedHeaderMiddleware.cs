using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// Applies the RFC 7239 Forwarded header (proto=, host=, for=), which ASP.NET Core's ForwardedHeadersMiddleware does
/// not read, when the connection comes from a known proxy. Elements are taken from the nearest (last) backwards while
/// each one's for= is itself a known proxy, so the scheme and host the client used reach Request.Scheme / Request.Host
/// and every absolute URL built from them (RetrieveURL, BulkDataURI). When it applies, Forwarded wins over
/// X-Forwarded-For/-Proto/-Host (removed, so they are not applied on top); X-Forwarded-Prefix, which RFC 7239 has no
/// parameter for, is honoured here too. Runs before ASP.NET's middleware, which handles requests without Forwarded.
/// </summary>
internal sealed partial class ForwardedHeaderMiddleware(RequestDelegate next, KnownProxyList proxies)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey("Forwarded") && proxies.Contains(context.Connection.RemoteIpAddress)
            && ForwardedHeaderParser.Parse(headers["Forwarded"]) is { Count: > 0 } elements)
        {
            Apply(context, elements);
            if (LastValue(headers["X-Forwarded-Prefix"]) is { } prefix && IsPathPrefix(prefix))
                context.Request.PathBase = new PathString(prefix.TrimEnd('/')) + context.Request.PathBase;
            foreach (var name in new[] { "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix" }) headers.Remove(name);
        }
        return next(context);
    }

    private void Apply(HttpContext context, IReadOnlyList<ForwardedElement> elements)
    {
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            if (element.Proto is { } proto && (proto.Equals("http", StringComparison.OrdinalIgnoreCase) || proto.Equals("https", StringComparison.OrdinalIgnoreCase)))
                context.Request.Scheme = proto.ToLowerInvariant();
            if (element.Host is { } host && HostPattern().IsMatch(host))
                context.Request.Host = new HostString(host);
            var from = NodeAddress(element.For);
            if (from is not null) context.Connection.RemoteIpAddress = from;
            // Go one hop further back only when the element came from (and so was written by) another known proxy.
            if (from is null || !proxies.Contains(from)) break;
        }
    }

    /// <summary>An RFC 7239 node: IPv4, "[IPv6]" with optional ":port", or obfuscated/unknown (null).</summary>
    private static IPAddress? NodeAddress(string? node)
    {
        if (string.IsNullOrEmpty(node)) return null;
        if (node.StartsWith('['))
        {
            var end = node.IndexOf(']');
            return end > 1 && IPAddress.TryParse(node[1..end], out var v6) ? v6 : null;
        }
        var colon = node.IndexOf(':');
        var host = colon >= 0 ? node[..colon] : node;
        return IPAddress.TryParse(host, out var v4) ? v4 : null;
    }

    private static string? LastValue(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[^1]?.Split(',').LastOrDefault()?.Trim();

    private static bool IsPathPrefix(string prefix) => prefix.StartsWith('/') && !prefix.Contains("//") && PrefixPattern().IsMatch(prefix);

    /// <summary>host [":" port] with a registered name, IPv4 or bracketed IPv6: nothing that could smuggle a path or userinfo.</summary>
    [GeneratedRegex(@"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$")]
    private static partial Regex PrefixPattern();
}
