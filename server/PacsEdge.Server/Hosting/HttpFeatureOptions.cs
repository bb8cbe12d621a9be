namespace PacsEdge.Server.Hosting;

/// <summary>Configuration section "Server:Cors" (environment: PACSEDGE__Server__Cors__AllowedOrigins__0, __1, ...).</summary>
public sealed class CorsOptions
{
    public const string Section = "Server:Cors";

    /// <summary>
    /// Origins (scheme://host[:port]) whose browser scripts may call the server; "*" allows any origin. Empty (the
    /// default): no CORS headers at all, so only same-origin pages (the bundled viewer) can read responses.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>Configuration section "Server:ForwardedHeaders".</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Server:ForwardedHeaders";

    /// <summary>
    /// Addresses (IPs or CIDR networks) of reverse proxies whose Forwarded / X-Forwarded-* headers are believed.
    /// Empty (the default): the headers are ignored, since any client could send them.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
