using System.Runtime.InteropServices;
using PacsEdge.Dicom.Imaging;
using SkiaSharp;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>PNG and baseline JPEG encoding of a rendered image, by SkiaSharp (libpng/libjpeg-turbo inside Skia).</summary>
public static class ImageEncoder
{
    public const int DefaultJpegQuality = 90;

    public static byte[] EncodePng(RenderedImage image) => Encode(image, SKEncodedImageFormat.Png, 100);

    /// <param name="quality">1 (smallest) to 100 (best)</param>
    public static byte[] EncodeJpeg(RenderedImage image, int quality = DefaultJpegQuality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(image, SKEncodedImageFormat.Jpeg, quality);
    }

    private static byte[] Encode(RenderedImage image, SKEncodedImageFormat format, int quality)
    {
        // Gray stays one channel (an 8-bit gray PNG / single-component JPEG); RGB goes through RGBA with opaque alpha.
        var info = new SKImageInfo(image.Width, image.Height, image.Channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = image.Channels == 1 ? image.Pixels : ToRgba(image.Pixels);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(format, quality)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width} x {image.Height} image as {format}");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }

    private static byte[] ToRgba(byte[] rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int s = 0, d = 0; s < rgb.Length; s += 3, d += 4)
        {
            rgba[d] = rgb[s];
            rgba[d + 1] = rgb[s + 1];
            rgba[d + 2] = rgb[s + 2];
            rgba[d + 3] = 255;
        }
        return rgba;
    }
}
