namespace PacsEdge.DicomWeb;

/// <summary>Options of the DICOMweb plugin (configuration section Plugins:DicomWeb).</summary>
public sealed class DicomWebOptions
{
    /// <summary>Where the DICOMweb resources are mapped.</summary>
    public string BasePath { get; set; } = "/dicom-web";

    /// <summary>Largest STOW-RS request body in bytes (0 = no limit); replaces Kestrel's 30 MB default for those routes.</summary>
    public long MaxRequestBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Null when the options are usable, else the reason.</summary>
    public string? Validate() =>
        !BasePath.StartsWith('/') || BasePath.Length < 2 || BasePath.EndsWith('/') ? "Plugins:DicomWeb:BasePath must start with / and not end with /"
        : MaxRequestBytes < 0 ? "Plugins:DicomWeb:MaxRequestBytes must be 0 (no limit) or positive"
        : null;
}
