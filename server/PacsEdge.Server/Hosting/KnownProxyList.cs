using System.Net;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.Server.Hosting;

/// <summary>Server:ForwardedHeaders:KnownProxies parsed: single addresses and CIDR networks, IPv4 and IPv6.</summary>
internal sealed class KnownProxyList(IReadOnlyList<IPNetwork> networks)
{
    public IReadOnlyList<IPNetwork> Networks { get; } = networks;

    public bool IsEmpty => Networks.Count == 0;

    public static KnownProxyList Parse(IEnumerable<string> entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var raw in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(raw, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(raw, out var address)) networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Server:ForwardedHeaders:KnownProxies: '{raw}' is neither an IP address nor a CIDR network such as 10.0.0.0/8");
        }
        return new KnownProxyList(networks);
    }

    /// <summary>True when <paramref name="address"/> (IPv4-mapped IPv6 compared as IPv4) is in a listed network.</summary>
    public bool Contains(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Networks.Any(n => n.Contains(address));
    }
}
