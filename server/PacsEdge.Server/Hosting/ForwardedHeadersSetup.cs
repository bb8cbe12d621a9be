using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// Reverse-proxy support, off unless Server:ForwardedHeaders:KnownProxies lists the proxies: then Forwarded (RFC 7239,
/// <see cref="ForwardedHeaderMiddleware"/>) and X-Forwarded-For/-Proto/-Host/-Prefix (ASP.NET Core's middleware) from
/// those addresses only set the request's client address, scheme, host and path base.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void UsePacsEdgeForwardedHeaders(this WebApplication app, KnownProxyList proxies)
    {
        if (proxies.IsEmpty) return;
        app.UseMiddleware<ForwardedHeaderMiddleware>(proxies);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix,
            ForwardLimit = null, // walk back through every known proxy, as the Forwarded middleware does
        };
        // The defaults trust loopback; only the configured proxies count.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies.Networks) options.KnownIPNetworks.Add(network);
        app.UseForwardedHeaders(options);
    }
}
