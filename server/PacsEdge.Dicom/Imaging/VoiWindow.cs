namespace PacsEdge.Dicom.Imaging;

/// <summary>The VOI LUT Function (0028,1056) of PS3.3 C.11.2.1.3; PS3.18 names them linear, linear-exact, sigmoid.</summary>
public enum VoiLutFunction
{
    Linear,
    LinearExact,
    Sigmoid,
}

/// <summary>A VOI window (Window Center / Window Width) and the function that maps it to the output range.</summary>
public sealed record VoiWindow(double Center, double Width, VoiLutFunction Function = VoiLutFunction.Linear)
{
    /// <summary>
    /// The window that maps <paramref name="min"/> to black and <paramref name="max"/> to white under the LINEAR
    /// function: its lower bound c - 0.5 - (w-1)/2 is min and its upper bound c - 0.5 + (w-1)/2 is max.
    /// </summary>
    public static VoiWindow FromMinMax(double min, double max) =>
        new((min + max + 1) / 2, Math.Max(max - min, 0) + 1);

    /// <summary>Why this window cannot be applied (PS3.3: LINEAR needs a width of at least 1, the others above 0), or null.</summary>
    public string? Validate() => Function switch
    {
        _ when !double.IsFinite(Center) || !double.IsFinite(Width) => "window center and width must be finite numbers",
        VoiLutFunction.Linear when Width < 1 => "window width must be at least 1 for the linear function",
        _ when Width <= 0 => "window width must be above 0",
        _ => null,
    };

    /// <summary>Parses a VOI LUT Function value as DICOM (LINEAR_EXACT) or PS3.18 (linear-exact) spells it.</summary>
    public static bool TryParseFunction(string? text, out VoiLutFunction function)
    {
        switch (text?.Trim().Replace('_', '-').ToLowerInvariant())
        {
            case null or "" or "linear": function = VoiLutFunction.Linear; return true;
            case "linear-exact": function = VoiLutFunction.LinearExact; return true;
            case "sigmoid": function = VoiLutFunction.Sigmoid; return true;
            default: function = VoiLutFunction.Linear; return false;
        }
    }

    /// <summary>Maps a modality value x to [0, 255] by the PS3.3 C.11.2.1.2 / C.11.2.1.3 equations (ymin 0, ymax 255).</summary>
    public double Apply(double x)
    {
        const double yMin = 0, yMax = 255;
        switch (Function)
        {
            case VoiLutFunction.LinearExact:
                if (x <= Center - Width / 2) return yMin;
                if (x > Center + Width / 2) return yMax;
                return ((x - Center) / Width + 0.5) * (yMax - yMin) + yMin;
            case VoiLutFunction.Sigmoid:
                return (yMax - yMin) / (1 + Math.Exp(-4 * (x - Center) / Width)) + yMin;
            default:
                if (x <= Center - 0.5 - (Width - 1) / 2) return yMin;
                if (x > Center - 0.5 + (Width - 1) / 2) return yMax;
                // Width 1 puts every x in one of the branches above, so there is no division by zero here.
                return ((x - (Center - 0.5)) / (Width - 1) + 0.5) * (yMax - yMin) + yMin;
        }
    }
}
