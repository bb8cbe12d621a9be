namespace PacsEdge.DicomWeb;

/// <summary>Options of the DICOMweb plugin (configuration section Plugins:DicomWeb).</summary>
public sealed class DicomWebOptions
{
    /// <summary>Where the DICOMweb resources are mapped.</summary>
    public string BasePath { get; set; } = "/dicom-web";

    /// <summary>QIDO-RS: the most results one search returns; a larger limit (or none) is capped with a Warning header.</summary>
    public int MaxQueryLimit { get; set; } = 1000;

    /// <summary>Null when the options are usable, else the reason.</summary>
    public string? Validate() =>
        !BasePath.StartsWith('/') || BasePath.Length < 2 || BasePath.EndsWith('/') ? "Plugins:DicomWeb:BasePath must start with / and not end with /"
        : MaxQueryLimit < 1 ? "Plugins:DicomWeb:MaxQueryLimit must be at least 1"
        : null;
}
