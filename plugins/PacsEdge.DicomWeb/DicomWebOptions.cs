namespace PacsEdge.DicomWeb;

/// <summary>Options of the DICOMweb plugin (configuration section Plugins:DicomWeb).</summary>
public sealed class DicomWebOptions
{
    /// <summary>Where the DICOMweb resources are mapped.</summary>
    public string BasePath { get; set; } = "/dicom-web";

    /// <summary>Null when the options are usable, else the reason.</summary>
    public string? Validate() =>
        !BasePath.StartsWith('/') || BasePath.Length < 2 || BasePath.EndsWith('/') ? "Plugins:DicomWeb:BasePath must start with / and not end with /" : null;
}
