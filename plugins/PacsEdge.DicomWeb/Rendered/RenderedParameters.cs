using System.Globalization;
using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Imaging;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>
/// The query parameters of a rendered or thumbnail request (PS3.18 8.3.5.1): window=center,width[,function],
/// viewport=vw,vh and quality=1..100. Anything malformed is a 400 that names the parameter.
/// </summary>
internal sealed record RenderedParameters(VoiWindow? Window, int? ViewportWidth, int? ViewportHeight, int? Quality)
{
    /// <summary>No viewport in the request would render a full-size thumbnail; this bounds it.</summary>
    public const int DefaultThumbnailSize = 128;

    /// <summary>Bounds what one request can allocate (4096² RGBA is 64 MiB before encoding).</summary>
    public const int MaxViewport = 4096;

    public static RenderedParameters Parse(IQueryCollection query)
    {
        return new RenderedParameters(ParseWindow(Single(query, "window")), ParseViewport(Single(query, "viewport"), out var h), h, ParseQuality(Single(query, "quality")));
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count > 1) throw Invalid($"the {name} parameter may appear only once");
        return values[0];
    }

    private static VoiWindow? ParseWindow(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',');
        if (parts.Length is < 2 or > 3 || !TryNumber(parts[0], out var center) || !TryNumber(parts[1], out var width))
            throw Invalid($"window must be center,width[,function], not '{text}'");
        if (!VoiWindow.TryParseFunction(parts.Length == 3 ? parts[2] : null, out var function))
            throw Invalid($"window function '{parts[2]}' is not linear, linear-exact or sigmoid");
        var window = new VoiWindow(center, width, function);
        return window.Validate() is { } reason ? throw Invalid(reason) : window;
    }

    private static int? ParseViewport(string? text, out int? height)
    {
        height = null;
        if (text is null) return null;
        var parts = text.Split(',');
        if (parts.Length != 2 || !TrySize(parts[0], out var w) || !TrySize(parts[1], out var h))
            throw Invalid($"viewport must be vw,vh with sizes from 1 to {MaxViewport} (the crop form sx,sy,sw,sh is not supported), not '{text}'");
        height = h;
        return w;
    }

    private static int? ParseQuality(string? text)
    {
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 100
            ? q : throw Invalid($"quality must be an integer from 1 to 100, not '{text}'");
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool TrySize(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= MaxViewport;

    private static PacsEdgeException Invalid(string detail) => new(ErrorCode.InvalidParameter, detail);
}
