namespace PacsEdge.Index.Model;

/// <summary>A study, a series of a study, or an instance of a series (the /studies/{uid}/series/{uid}/instances/{uid} path).</summary>
public sealed record HierarchyPath(string StudyInstanceUid, string? SeriesInstanceUid = null, string? SopInstanceUid = null)
{
    public static HierarchyPath Study(string study) => new(study);
    public static HierarchyPath Series(string study, string series) => new(study, series);
    public static HierarchyPath Instance(string study, string series, string sop) => new(study, series, sop);
}
