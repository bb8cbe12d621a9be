namespace PacsEdge.Server.Configuration;

/// <summary>Configuration section "Server" (environment: PACSEDGE__Server__*; command line: --urls).</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>
    /// Listen addresses, separated by ';'. Loopback only by default: the server has no sign-in yet, so it
    /// must be opened to the network on purpose (e.g. http://0.0.0.0:8080 in the container).
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Seconds a graceful stop (SIGTERM, Ctrl+C) waits for requests in flight before it closes them.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    public string[] UrlList() => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
