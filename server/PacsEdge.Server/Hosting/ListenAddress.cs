using System.Net;

namespace PacsEdge.Server.Hosting;

/// <summary>Tells loopback listen addresses (127.0.0.0/8, ::1, localhost) from the rest.</summary>
public static class ListenAddress
{
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri)) return false;
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
