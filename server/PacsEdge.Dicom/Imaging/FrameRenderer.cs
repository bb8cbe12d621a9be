using PacsEdge.Dicom.Codecs;

namespace PacsEdge.Dicom.Imaging;

/// <summary>
/// Renders one native frame to 8 bits for display: grayscale through Modality LUT (rescale), VOI window and
/// MONOCHROME1 inversion (PS3.3 C.11, the grayscale pipeline of PS3.4 N.2.1); RGB passes through.
/// </summary>
public static class FrameRenderer
{
    /// <param name="info">the layout of <paramref name="native"/> (a decoder's, which may differ from the data set's)</param>
    /// <param name="native">the frame's native little-endian bytes</param>
    /// <param name="window">a window to use instead of the stored one (e.g. from the request)</param>
    public static RenderedImage Render(PixelFrameInfo info, ReadOnlySpan<byte> native, ImagePresentation presentation, VoiWindow? window = null)
    {
        EnsureSupported(info);
        var photometric = info.PhotometricInterpretation.Trim().ToUpperInvariant();
        return photometric == "RGB" ? RenderRgb(info, native) : RenderGray(info, native, presentation, window, invert: photometric == "MONOCHROME1");
    }

    /// <summary>
    /// Throws <see cref="ImageRenderException"/> for a layout this renderer cannot draw. Cheap: callers check the data
    /// set's layout before reading pixel data (whose size rules differ for YBR_FULL_422 and the like).
    /// </summary>
    public static void EnsureSupported(PixelFrameInfo info)
    {
        var photometric = info.PhotometricInterpretation.Trim().ToUpperInvariant();
        switch (photometric)
        {
            case "MONOCHROME1" or "MONOCHROME2":
                if (info.SamplesPerPixel != 1)
                    throw new ImageRenderException($"a grayscale image with {info.SamplesPerPixel} samples per pixel");
                if (info.BitsAllocated is not (8 or 16))
                    throw new ImageRenderException($"rendering grayscale images of {info.BitsAllocated} bits allocated is not supported (8 and 16 are)");
                break;
            case "RGB":
                if (info.SamplesPerPixel != 3 || info.BitsAllocated != 8)
                    throw new ImageRenderException($"rendering RGB with {info.SamplesPerPixel} samples of {info.BitsAllocated} bits is not supported (3 samples of 8 bits are)");
                break;
            case "":
                throw new ImageRenderException("the image has no Photometric Interpretation");
            default:
                throw new ImageRenderException($"rendering Photometric Interpretation {photometric} is not supported (MONOCHROME1, MONOCHROME2 and RGB are)");
        }
    }

    private static RenderedImage RenderGray(PixelFrameInfo info, ReadOnlySpan<byte> native, ImagePresentation presentation, VoiWindow? requested, bool invert)
    {
        int pixels = info.Rows * info.Columns;
        int bytesPerPixel = info.BitsAllocated / 8;
        if (native.Length < (long)pixels * bytesPerPixel)
            throw new DicomFormatException($"the frame has {native.Length} bytes, {pixels * bytesPerPixel} expected", -1, DicomTags.PixelData);

        var reader = new StoredValueReader(info.BitsAllocated, info.BitsStored, presentation.HighBit, info.PixelRepresentation == 1);
        var window = requested ?? presentation.Window ?? MinMaxWindow(native, pixels, bytesPerPixel, reader, presentation);

        // One output level per possible raw value (at most 65536): the pipeline runs once per value, not per pixel.
        var lut = new byte[1 << info.BitsAllocated];
        for (int raw = 0; raw < lut.Length; raw++)
        {
            double modality = reader.Value(raw) * presentation.RescaleSlope + presentation.RescaleIntercept;
            int level = (int)Math.Round(Math.Clamp(window.Apply(modality), 0, 255), MidpointRounding.AwayFromZero);
            lut[raw] = (byte)(invert ? 255 - level : level);
        }

        var output = new byte[pixels];
        if (bytesPerPixel == 1)
            for (int p = 0; p < pixels; p++) output[p] = lut[native[p]];
        else
            for (int p = 0; p < pixels; p++) output[p] = lut[native[2 * p] | native[2 * p + 1] << 8];
        return new RenderedImage(info.Columns, info.Rows, 1, output);
    }

    /// <summary>The window from the frame's smallest to its largest modality value, used when none is stored or asked for.</summary>
    private static VoiWindow MinMaxWindow(ReadOnlySpan<byte> native, int pixels, int bytesPerPixel, StoredValueReader reader, ImagePresentation presentation)
    {
        int min = int.MaxValue, max = int.MinValue;
        for (int p = 0; p < pixels; p++)
        {
            int raw = bytesPerPixel == 1 ? native[p] : native[2 * p] | native[2 * p + 1] << 8;
            int v = reader.Value(raw);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double a = min * presentation.RescaleSlope + presentation.RescaleIntercept;
        double b = max * presentation.RescaleSlope + presentation.RescaleIntercept;
        return VoiWindow.FromMinMax(Math.Min(a, b), Math.Max(a, b));
    }

    private static RenderedImage RenderRgb(PixelFrameInfo info, ReadOnlySpan<byte> native)
    {
        int pixels = info.Rows * info.Columns;
        if (native.Length < pixels * 3L)
            throw new DicomFormatException($"the frame has {native.Length} bytes, {pixels * 3} expected", -1, DicomTags.PixelData);
        var output = new byte[pixels * 3];
        if (info.PlanarConfiguration == 0)
            native[..output.Length].CopyTo(output);
        else // planar: all red values, then all green, then all blue
            for (int p = 0; p < pixels; p++)
            {
                output[3 * p] = native[p];
                output[3 * p + 1] = native[pixels + p];
                output[3 * p + 2] = native[2 * pixels + p];
            }
        return new RenderedImage(info.Columns, info.Rows, 3, output);
    }
}
