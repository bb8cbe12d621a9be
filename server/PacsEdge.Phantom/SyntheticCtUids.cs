namespace PacsEdge.Phantom;

/// <summary>The UIDs a series generated with a given seed carries (the same on every run).</summary>
public sealed record SyntheticCtUids(string StudyInstanceUid, string SeriesInstanceUid, string FrameOfReferenceUid)
{
    public static SyntheticCtUids For(int seed) => new(
        SeededUids.For(seed, "study"), SeededUids.For(seed, "series"), SeededUids.For(seed, "frame-of-reference"));

    /// <summary>The SOP Instance UID of slice <paramref name="index"/> (0-based).</summary>
    public static string Instance(int seed, int index) => SeededUids.For(seed, $"instance/{index}");
}
