namespace PacsEdge.Viewer.Tests;

/// <summary>The OHIF build scripts/fetch-ohif.sh puts into artifacts/ohif (install-prerequisites runs it).</summary>
internal static class OhifAssets
{
    public static string Directory
    {
        get
        {
            var dir = RepoPaths.Of("artifacts", "ohif");
            if (!File.Exists(Path.Combine(dir, "index.html")))
                throw new InvalidOperationException($"OHIF is not fetched into {dir}: run scripts/fetch-ohif.sh (scripts/install-prerequisites.sh does)");
            return dir;
        }
    }

    /// <summary>A server with the DICOMweb and OHIF plugins, OHIF read from artifacts/ohif.</summary>
    public static Task<InProcessServer> StartServerAsync(string? ohifDirectory = null) =>
        InProcessServer.StartAsync(overrides: new Dictionary<string, string?> { ["Plugins:Ohif:Directory"] = ohifDirectory ?? Directory });
}
