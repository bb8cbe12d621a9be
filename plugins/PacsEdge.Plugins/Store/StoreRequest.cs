namespace PacsEdge.Plugins;

/// <summary>
/// What the caller knows about an arriving instance. <see cref="RequiredStudyInstanceUid"/> is the study of a
/// STOW-RS POST /studies/{uid}: an instance of another study is refused. <see cref="Source"/> names the way in
/// ("stow-rs", "c-store", "import") for the logs and observers.
/// </summary>
public sealed record StoreRequest
{
    public string? RequiredStudyInstanceUid { get; init; }
    public string Source { get; init; } = "unknown";

    public static StoreRequest Default { get; } = new();
}
