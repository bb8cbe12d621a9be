namespace PacsEdge.DicomWeb;

/// <summary>Options of the DICOMweb plugin (configuration section Plugins:DicomWeb).</summary>
public sealed class DicomWebOptions
{
    public const string Section = "Plugins:DicomWeb";

    /// <summary>Where the DICOMweb resources are mapped.</summary>
    public string BasePath { get; set; } = "/dicom-web";

    /// <summary>QIDO-RS: the most results one search returns; a larger limit (or none) is capped with a Warning header.</summary>
    public int MaxQueryLimit { get; set; } = 1000;

    /// <summary>Largest STOW-RS request body in bytes (0 = no limit); replaces Kestrel's 30 MB default for those routes.</summary>
    public long MaxRequestBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>STOW-RS: how many parts of one request are stored at once while the next parts are read.</summary>
    public int StowConcurrency { get; set; } = 8;

    /// <summary>STOW-RS: bytes of one part held in memory so it can be stored while reading on; a larger part is stored before reading on.</summary>
    public long StowPartBufferBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Null when the options are usable, else the reason.</summary>
    public string? Validate() =>
        !BasePath.StartsWith('/') || BasePath.Length < 2 || BasePath.EndsWith('/') ? "Plugins:DicomWeb:BasePath must start with / and not end with /"
        : MaxQueryLimit < 1 ? "Plugins:DicomWeb:MaxQueryLimit must be at least 1"
        : MaxRequestBytes < 0 ? "Plugins:DicomWeb:MaxRequestBytes must be 0 (no limit) or positive"
        : StowConcurrency is < 1 or > 64 ? "Plugins:DicomWeb:StowConcurrency must be 1 to 64"
        : StowPartBufferBytes is < 64 * 1024 or > 256L * 1024 * 1024 ? "Plugins:DicomWeb:StowPartBufferBytes must be 64 KiB to 256 MiB"
        : null;
}
