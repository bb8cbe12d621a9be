using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// The Image Pixel Module attributes (PS3.3 C.7.6.3) that say how one frame is laid out: what a
/// decoder needs to know and what it produces.
/// </summary>
public sealed record PixelFrameInfo(
    int Rows,
    int Columns,
    int SamplesPerPixel,
    int BitsAllocated,
    int BitsStored,
    int PixelRepresentation,
    int PlanarConfiguration,
    int NumberOfFrames,
    string PhotometricInterpretation,
    string SopClassUid = "")
{
    /// <summary>
    /// Bits in one native frame (BitsAllocated 1 frames need not end on a byte boundary). YBR_FULL_422 and
    /// YBR_PARTIAL_422 store Y Y Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2), so two samples per pixel on
    /// average, though Samples per Pixel says 3.
    /// </summary>
    public long FrameLengthInBits => (long)Rows * Columns * StoredSamplesPerPixel * BitsAllocated;

    /// <summary>Whether the native frame stores chroma for every second pixel only (the *_422 interpretations).</summary>
    public bool IsChromaSubsampled422 =>
        SamplesPerPixel == 3 && PhotometricInterpretation.Trim() is "YBR_FULL_422" or "YBR_PARTIAL_422";

    private int StoredSamplesPerPixel => IsChromaSubsampled422 ? 2 : SamplesPerPixel;

    /// <summary>Bytes one native frame occupies once extracted on its own (packed bits rounded up).</summary>
    public long FrameLength => (FrameLengthInBits + 7) / 8;

    public int BytesPerSample => (BitsAllocated + 7) / 8;

    /// <summary>Reads the layout from a data set; missing or impossible values are a format error.</summary>
    public static PixelFrameInfo FromDataset(DicomDataset dataset)
    {
        int rows = Required(dataset, DicomTags.Rows);
        int columns = Required(dataset, DicomTags.Columns);
        int bitsAllocated = Required(dataset, DicomTags.BitsAllocated);
        int samples = dataset.GetSingleValueOrDefault(DicomTags.SamplesPerPixel, 1);
        int bitsStored = dataset.GetSingleValueOrDefault(DicomTags.BitsStored, bitsAllocated);
        int frames = dataset.GetSingleValueOrDefault(DicomTags.NumberOfFrames, 1);
        if (rows <= 0 || columns <= 0)
            throw new DicomFormatException($"image of {rows} x {columns} pixels", -1, DicomTags.Rows);
        if (bitsAllocated is < 1 or > 64 || (bitsAllocated > 1 && bitsAllocated % 8 != 0))
            throw new DicomFormatException($"Bits Allocated {bitsAllocated} is neither 1 nor a multiple of 8 up to 64", -1, DicomTags.BitsAllocated);
        if (samples is < 1 or > 4)
            throw new DicomFormatException($"Samples per Pixel {samples} is not 1 to 4", -1, DicomTags.SamplesPerPixel);
        return new PixelFrameInfo(
            rows, columns, samples, bitsAllocated,
            bitsStored is > 0 && bitsStored <= bitsAllocated ? bitsStored : bitsAllocated,
            dataset.GetSingleValueOrDefault(DicomTags.PixelRepresentation, 0),
            samples > 1 ? dataset.GetSingleValueOrDefault(DicomTags.PlanarConfiguration, 0) : 0,
            Math.Max(frames, 1), // absent or garbage Number of Frames means one frame, as dcmtk reads it
            dataset.GetString(DicomTags.PhotometricInterpretation) ?? "",
            dataset.GetString(DicomTags.SOPClassUID) ?? "");
    }

    private static int Required(DicomDataset dataset, DicomTag tag) =>
        dataset.TryGetNumber(tag, out var v) ? (int)Math.Clamp(v, int.MinValue, int.MaxValue)
            : throw new DicomFormatException("missing, needed to locate pixel data frames", -1, tag);
}
