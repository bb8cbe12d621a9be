namespace PacsEdge.Dicom.Imaging;

/// <summary>An 8-bit image ready to encode: 1 channel (gray) or 3 (RGB), rows top to bottom, channels interleaved.</summary>
public sealed class RenderedImage
{
    public RenderedImage(int width, int height, int channels, byte[] pixels)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"image of {width} x {height}");
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), "1 (gray) or 3 (RGB) channels");
        if (pixels.Length != (long)width * height * channels) throw new ArgumentException("pixel buffer does not match the size", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }
    public byte[] Pixels { get; }
}
