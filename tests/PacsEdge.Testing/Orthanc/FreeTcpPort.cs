using System.Net;
using System.Net.Sockets;

namespace PacsEdge.Testing.Orthanc;

/// <summary>A loopback port that was free a moment ago (the OS picks it; a peer that needs its port in a config file uses it).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
