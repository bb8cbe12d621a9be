namespace PacsEdge.Ohif;

/// <summary>
/// Where OHIF's prebuilt dist/ is on disk, or why it is not there. Found once at start-up: a PACS without its viewer
/// still stores and serves DICOMweb, so a missing folder is a warning and a 404 with the reason, not a failed start.
/// </summary>
public sealed class OhifDistribution
{
    private OhifDistribution(string? root, string? missingReason)
    {
        Root = root;
        MissingReason = missingReason;
    }

    /// <summary>The absolute folder (with index.html), or null when OHIF is not installed.</summary>
    public string? Root { get; }

    /// <summary>Why <see cref="Root"/> is null (shown to clients and logged; names no more than the configured folder).</summary>
    public string? MissingReason { get; }

    /// <summary>The OHIF version fetch-ohif.sh wrote into .version, or null.</summary>
    public string? Version => Root is null ? null : ReadVersion(Root);

    public static OhifDistribution Locate(string? configured, string binaryDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, binaryDirectory);
            return IsDistribution(full)
                ? new OhifDistribution(full, null)
                : new OhifDistribution(null, $"Plugins:Ohif:Directory '{configured}' holds no OHIF build (index.html missing).");
        }
        foreach (var candidate in DefaultCandidates(binaryDirectory))
            if (IsDistribution(candidate)) return new OhifDistribution(candidate, null);
        return new OhifDistribution(null,
            "The OHIF viewer is not installed: run scripts/fetch-ohif.sh (it fills artifacts/ohif) or set Plugins:Ohif:Directory to an OHIF dist folder.");
    }

    /// <summary>"ohif" beside the binary (container image), then "../ohif" (artifacts/pacsedge beside artifacts/ohif).</summary>
    internal static IEnumerable<string> DefaultCandidates(string binaryDirectory)
    {
        yield return Path.GetFullPath(Path.Combine(binaryDirectory, "ohif"));
        yield return Path.GetFullPath(Path.Combine(binaryDirectory, "..", "ohif"));
    }

    /// <summary>
    /// The file for a request path below the base, or null when there is none. The path is resolved and must stay
    /// inside <see cref="Root"/>: "../" or an absolute path from a request can never reach other files.
    /// </summary>
    public string? FindFile(string relativePath)
    {
        if (Root is null || relativePath.Contains('\0') || relativePath.Contains('\\')) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.TrimStart('/')));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return File.Exists(full) ? full : null;
    }

    private static bool IsDistribution(string folder) => File.Exists(Path.Combine(folder, "index.html"));

    private static string? ReadVersion(string root)
    {
        var path = Path.Combine(root, ".version");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
