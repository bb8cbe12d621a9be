namespace PacsEdge.Phantom;

/// <summary>
/// What a synthetic chest CT series looks like. The same options give the same bytes (UIDs, noise, dates), so
/// storing a series twice is a duplicate, not a second study.
/// </summary>
public sealed record SyntheticCtOptions
{
    /// <summary>Drives the UIDs and the noise; another seed is another patient, study and series.</summary>
    public int Seed { get; init; } = 1;
    public int Slices { get; init; } = 120;
    public int Rows { get; init; } = 256;
    public int Columns { get; init; } = 256;
    /// <summary>Slice thickness and spacing between slice positions, in mm.</summary>
    public double SliceThickness { get; init; } = 2.5;
    /// <summary>Reconstruction field of view across the columns, in mm (pixel spacing = FOV / Columns).</summary>
    public double FieldOfView { get; init; } = 400;
    /// <summary>Standard deviation of the Gaussian noise in HU (0: none).</summary>
    public double NoiseHu { get; init; } = 8;
    public string PatientName { get; init; } = "PHANTOM^CHEST";
    public string PatientId { get; init; } = "PACSEDGE-DEMO";
    public string StudyDescription { get; init; } = "Synthetic chest CT";
    public string SeriesDescription { get; init; } = "Chest 2.5 mm";
    public string AccessionNumber { get; init; } = "DEMO0001";
    /// <summary>Study, series and content date (DA, yyyyMMdd); fixed so the bytes repeat.</summary>
    public string StudyDate { get; init; } = "20240102";

    public void Validate()
    {
        if (Slices is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(Slices), Slices, "1 to 4096 slices");
        if (Rows is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "16 to 4096 rows");
        if (Columns is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Columns), Columns, "16 to 4096 columns");
        if (SliceThickness <= 0) throw new ArgumentOutOfRangeException(nameof(SliceThickness), SliceThickness, "must be positive");
        if (FieldOfView <= 0) throw new ArgumentOutOfRangeException(nameof(FieldOfView), FieldOfView, "must be positive");
        if (NoiseHu < 0) throw new ArgumentOutOfRangeException(nameof(NoiseHu), NoiseHu, "must be zero or more");
    }
}
