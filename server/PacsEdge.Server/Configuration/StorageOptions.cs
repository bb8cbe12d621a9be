namespace PacsEdge.Server.Configuration;

/// <summary>Configuration section "Storage" (environment: PACSEDGE__Storage__*; command line: --data).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DefaultDataDirectory = "./pacsedge-data";

    /// <summary>The data directory (index, blobs, audit, keys, models, tmp); relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>A SOP Instance UID already stored with other bytes: Reject (failure 0x0111) or Overwrite.</summary>
    public DuplicatePolicy OnDuplicate { get; set; } = DuplicatePolicy.Reject;
}
