using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PacsEdge.Testing.Orthanc;

/// <summary>
/// Debian's Orthanc with its DICOMweb plugin, started from a generated configuration in a temp directory (its
/// own storage and index, a free loopback HTTP port, no DICOM listener, no authentication) rather than the
/// system service. <see cref="DicomWebServers"/> become the plugin's DicomWeb.Servers (name -> base URL of a
/// remote DICOMweb root), which Orthanc's own client reaches at /dicom-web/servers/{name}/...
/// </summary>
public static class OrthancProcess
{
    public const string Executable = "/usr/sbin/Orthanc";

    /// <summary>Where Debian's orthanc-dicomweb puts the plugin (dpkg -L orthanc-dicomweb).</summary>
    public static readonly string[] DicomWebPluginCandidates =
    [
        "/usr/share/orthanc/plugins/libOrthancDicomWeb.so",
        "/usr/lib/orthanc/libOrthancDicomWeb.so.1.7",
    ];

    /// <param name="selfServerName">if set, Orthanc also lists its own DICOMweb root under this name (to compare its client's view of both servers)</param>
    public static async Task<OrthancServer> StartAsync(IReadOnlyDictionary<string, Uri>? dicomWebServers = null, string? selfServerName = null)
    {
        var temp = new TempDirectory();
        try
        {
            var port = FreeTcpPort.Next();
            var servers = new Dictionary<string, Uri>(dicomWebServers ?? new Dictionary<string, Uri>());
            if (selfServerName is not null) servers[selfServerName] = new Uri($"http://127.0.0.1:{port}/dicom-web/");
            var configPath = temp.Combine("orthanc.json");
            File.WriteAllText(configPath, Configuration(temp.Combine("storage"), port, servers).ToJsonString());
            var info = new ProcessStartInfo(Executable) { WorkingDirectory = temp.Path };
            info.ArgumentList.Add(configPath);
            var process = await ServerProcess.StartAsync("Orthanc", info, new Uri($"http://127.0.0.1:{port}/"), "/system", TimeSpan.FromSeconds(60));
            return new OrthancServer(process, temp);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    public static string DicomWebPluginPath() =>
        DicomWebPluginCandidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Orthanc's DICOMweb plugin is missing: run scripts/install-prerequisites.sh --test (apt-get install orthanc orthanc-dicomweb)");

    /// <summary>Orthanc's defaults except what keeps it private to this run; nothing here tunes it for speed.</summary>
    public static JsonObject Configuration(string storageDirectory, int httpPort, IReadOnlyDictionary<string, Uri> dicomWebServers)
    {
        var servers = new JsonObject();
        foreach (var (name, url) in dicomWebServers) servers[name] = new JsonObject { ["Url"] = url.ToString() };
        return new JsonObject
        {
            ["Name"] = "PacsEdgeTestPeer",
            ["StorageDirectory"] = storageDirectory,
            ["IndexDirectory"] = storageDirectory,
            ["HttpPort"] = httpPort,
            ["DicomServerEnabled"] = false,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["SaveJobs"] = false,
            ["Plugins"] = new JsonArray(DicomWebPluginPath()),
            ["DicomWeb"] = new JsonObject { ["Enable"] = true, ["Root"] = "/dicom-web/", ["Servers"] = servers },
        };
    }
}

/// <summary>A running Orthanc: its process (memory, logs) and a REST/DICOMweb client on it.</summary>
public sealed class OrthancServer(ServerProcess process, TempDirectory temp) : IAsyncDisposable
{
    public ServerProcess Process { get; } = process;
    public OrthancClient Client { get; } = new(process.Client);
    public string StorageDirectory => temp.Combine("storage");

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        temp.Dispose();
    }
}
