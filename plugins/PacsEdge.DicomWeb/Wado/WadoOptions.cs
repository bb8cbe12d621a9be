using Microsoft.Extensions.Configuration;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>WADO-RS options (configuration section Plugins:DicomWeb:Wado).</summary>
public sealed class WadoOptions
{
    public const string SectionPath = "Plugins:DicomWeb:Wado";

    /// <summary>Binary values (OB, OW, UN...) at least this long become a BulkDataURI in metadata; Pixel Data always does.</summary>
    public long MetadataBulkDataThreshold { get; set; } = 1024;

    /// <summary>Bytes of per-instance metadata JSON kept in memory (keyed by the file's SHA-256); 0 turns the cache off.</summary>
    public long MetadataCacheBytes { get; set; } = 64L * 1024 * 1024;

    public string? Validate() =>
        MetadataBulkDataThreshold < 1 ? $"{SectionPath}:MetadataBulkDataThreshold must be at least 1"
        : MetadataCacheBytes < 0 ? $"{SectionPath}:MetadataCacheBytes must not be negative"
        : null;

    public static WadoOptions From(IConfiguration configuration)
    {
        var options = new WadoOptions();
        configuration.GetSection(SectionPath).Bind(options);
        if (options.Validate() is { } error) throw new InvalidOperationException(error);
        return options;
    }
}
