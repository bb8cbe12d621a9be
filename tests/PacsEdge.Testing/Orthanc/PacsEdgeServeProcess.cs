using System.Diagnostics;

namespace PacsEdge.Testing.Orthanc;

/// <summary>
/// The real `pacsedge serve` process (pacsedge.dll run by `dotnet exec`) on a free loopback port with its own
/// data directory, as a peer such as Orthanc reaches it: over HTTP only.
/// </summary>
public static class PacsEdgeServeProcess
{
    /// <param name="pacsedgeDll">the built or published pacsedge.dll</param>
    /// <param name="environment">extra PACSEDGE__* settings (configuration keys with "__" for ":")</param>
    public static async Task<ServerProcess> StartAsync(string pacsedgeDll, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(pacsedgeDll)) throw new FileNotFoundException("pacsedge.dll not found: build server/PacsEdge.Cli first", pacsedgeDll);
        var port = FreeTcpPort.Next();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(pacsedgeDll)! };
        foreach (var a in new[] { "exec", pacsedgeDll, "serve", "--urls", url, "--data", dataDirectory }) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return await ServerProcess.StartAsync("pacsedge serve", info, new Uri(url + "/"), "/health", TimeSpan.FromSeconds(60));
    }
}
