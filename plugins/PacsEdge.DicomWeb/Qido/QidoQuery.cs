using PacsEdge.Dicom;
using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// A parsed QIDO-RS request: the index query (matching keys already percent-decoded and validated, limit capped),
/// what to return, and the warnings collected on the way (PS3.18 8.3.4.2: keys the server ignores are reported in
/// a Warning header, never dropped silently).
/// </summary>
internal sealed record QidoQuery(IndexQuery Index)
{
    /// <summary>includefield=all: every attribute the index holds for the level and above.</summary>
    public bool IncludeAll { get; init; }

    /// <summary>includefield tags beyond the defaults, plus the matching keys (returned as C-FIND returns them).</summary>
    public IReadOnlyList<DicomTag> IncludeTags { get; init; } = [];

    /// <summary>True when no limit was given or it was capped: the query asks one row more to tell whether results were cut.</summary>
    public bool LimitIsServerMaximum { get; init; }

    public List<string> Warnings { get; } = [];
}
