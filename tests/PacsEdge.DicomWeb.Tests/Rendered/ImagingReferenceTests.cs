using PacsEdge.Dicom.Imaging;
using PacsEdge.DicomWeb.Rendered;

namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>
/// The core encoders and scaler against PIL: PNG exact, JPEG close, area average and bilinear as PIL's box and
/// bilinear. Box cases use whole-number ratios: PIL's box filter takes whole source pixels by their centres, which
/// equals area averaging only then.
/// </summary>
public sealed class ImagingReferenceTests
{
    private static RenderedImage Pattern(int width, int height, int channels, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * channels];
        for (int i = 0; i < pixels.Length; i++)
        {
            int x = i / channels % width, y = i / channels / width;
            // smooth gradients plus a little noise: realistic for JPEG, still every value matters for PNG
            pixels[i] = (byte)Math.Clamp(x * 150 / width + y * 60 / height + i % channels * 20 + random.Next(0, 4), 0, 255);
        }
        return new RenderedImage(width, height, channels, pixels);
    }

    [Theory]
    [InlineData(1, 37, 23)]
    [InlineData(3, 40, 17)]
    [InlineData(1, 1, 1)]
    public void PNG_decodes_with_PIL_to_exactly_the_pixels(int channels, int width, int height)
    {
        using var dir = new TempDirectory();
        var image = Pattern(width, height, channels, 1);
        var path = dir.Combine("p.png");
        File.WriteAllBytes(path, ImageEncoder.EncodePng(image));
        var info = Pil.Info(path);
        Assert.Equal(("PNG", channels == 1 ? "L" : "RGB", width, height), (info.Format, info.Mode, info.Width, info.Height));
        Assert.Equal(image.Pixels, Pil.Raw(path));
    }

    [Theory]
    [InlineData(1, 64, 48)]
    [InlineData(3, 33, 65)]
    public void JPEG_decodes_with_PIL_close_to_the_pixels(int channels, int width, int height)
    {
        using var dir = new TempDirectory();
        var image = Pattern(width, height, channels, 2);
        var path = dir.Combine("p.jpg");
        File.WriteAllBytes(path, ImageEncoder.EncodeJpeg(image, 95));
        var info = Pil.Info(path);
        Assert.Equal(("JPEG", channels == 1 ? "L" : "RGB", width, height), (info.Format, info.Mode, info.Width, info.Height));
        var decoded = Pil.Raw(path);
        double mean = decoded.Zip(image.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(mean < 4, $"mean difference {mean}");
    }

    [Theory]
    [InlineData(1, 128, 96, 32, 24, "box")]
    [InlineData(3, 60, 45, 20, 15, "box")]
    [InlineData(1, 99, 33, 33, 11, "box")]
    [InlineData(1, 20, 10, 64, 32, "bilinear")]
    [InlineData(3, 7, 5, 30, 21, "bilinear")]
    public void Scaling_matches_PIL_within_one_level(int channels, int width, int height, int toWidth, int toHeight, string filter)
    {
        using var dir = new TempDirectory();
        var image = Pattern(width, height, channels, 3);
        var raw = dir.Combine("src.raw");
        File.WriteAllBytes(raw, image.Pixels);
        var ours = ImageScaler.Resize(image, toWidth, toHeight).Pixels;
        var theirs = Pil.Resize(raw, width, height, channels == 1 ? "L" : "RGB", filter, toWidth, toHeight);
        Assert.Equal(theirs.Length, ours.Length);
        int max = ours.Zip(theirs, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(max <= 1, $"largest difference to PIL's {filter}: {max}");
    }
}
