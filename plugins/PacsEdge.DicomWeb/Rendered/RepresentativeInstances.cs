using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>
/// Which instance stands for a series or study in a thumbnail: the middle one of each series (the index lists
/// instances in series then instance order), the first series first, then the others; at most a few tries so a
/// study of non-images does not render hundreds of files.
/// </summary>
internal static class RepresentativeInstances
{
    public const int MaxCandidates = 8;

    public static IEnumerable<StoredInstance> InPreferenceOrder(IReadOnlyList<StoredInstance> instances)
    {
        var bySeries = instances.GroupBy(i => i.Path.SeriesInstanceUid).Select(g => g.ToList()).ToList();
        var middles = bySeries.Select(s => s[s.Count / 2]);
        var rest = bySeries.SelectMany(s => s.Where((_, i) => i != s.Count / 2));
        return middles.Concat(rest).Take(MaxCandidates);
    }
}
