namespace PacsEdge.Dicom.IO;

/// <summary>How much of a file to read and how to hold large values (dcm4che's readDatasetUntilPixelData and bulk-data predicate).</summary>
public sealed record DicomReaderOptions
{
    public static readonly DicomReaderOptions Default = new();

    /// <summary>Stop before the first top-level element whose tag is at or after this one (e.g. Pixel Data).</summary>
    public DicomTag? StopAtTag { get; init; }

    /// <summary>
    /// When reading from a file, values at least this long are left in the file (a lazy file range)
    /// instead of being read; only their offset and length are kept.
    /// </summary>
    public long LazyValueThreshold { get; init; } = long.MaxValue;

    /// <summary>Decides per element (tag, VR, length) whether a value stays in the file; overrides the threshold when set.</summary>
    public Func<DicomTag, DicomVR, long, bool>? IsBulkData { get; init; }

    /// <summary>Stop at the first element outside group 0002 (reading the file meta group).</summary>
    internal bool MetaGroupOnly { get; init; }

    /// <summary>Deepest sequence nesting accepted (guards against crafted input).</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Most elements (items included) accepted in one file.</summary>
    public int MaxElementCount { get; init; } = 10_000_000;

    /// <summary>Largest inflated size accepted for Deflated Explicit VR Little Endian data sets.</summary>
    public long MaxInflatedBytes { get; init; } = 4L << 30;

    public static DicomReaderOptions UntilPixelData { get; } = new() { StopAtTag = DicomTags.PixelData };
}
