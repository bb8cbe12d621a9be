using PacsEdge.Testing.Orthanc;

namespace PacsEdge.PeerBench;

/// <summary>One server under test: its process (for RSS) and an HTTP client on its DICOMweb root.</summary>
public sealed class Peer(string name, ServerProcess process, string dicomWebRoot)
{
    public string Name { get; } = name;
    public ServerProcess Process { get; } = process;
    public HttpClient Http => Process.Client;

    /// <summary>A path under the DICOMweb root, e.g. "studies?PatientID=X".</summary>
    public string Path(string relative) => dicomWebRoot + relative;

    public bool IsOrthanc => Name == "Orthanc";
}
