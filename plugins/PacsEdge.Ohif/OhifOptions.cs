namespace PacsEdge.Ohif;

/// <summary>Options of the OHIF plugin (configuration section Plugins:Ohif).</summary>
public sealed class OhifOptions
{
    /// <summary>
    /// The folder holding OHIF's prebuilt dist/ (index.html, app.bundle.*.js...). Unset: "ohif" beside the pacsedge
    /// binary (the container image), else "../ohif" beside it (artifacts/pacsedge next to artifacts/ohif, where
    /// ./pacsedge.sh builds and scripts/fetch-ohif.sh fetches).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Where the viewer is served (no trailing slash).</summary>
    public string BasePath { get; set; } = "/ohif";

    /// <summary>The same-origin DICOMweb root OHIF talks to; unset: Plugins:DicomWeb:BasePath, else /dicom-web.</summary>
    public string? DicomWebRoot { get; set; }

    /// <summary>Null when the options are usable, else the reason.</summary>
    public string? Validate()
    {
        if (!IsPath(BasePath)) return "Plugins:Ohif:BasePath must start with / and not end with /";
        if (DicomWebRoot is not null && !IsPath(DicomWebRoot)) return "Plugins:Ohif:DicomWebRoot must start with / and not end with /";
        return null;
    }

    // Paths only (no scheme, no host, no quotes): they are written into JavaScript and HTML.
    private static bool IsPath(string path) =>
        path.StartsWith('/') && path.Length >= 2 && !path.EndsWith('/') && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');
}
