namespace PacsEdge.Dicom.Imaging;

/// <summary>
/// Scales a rendered image to fit a viewport keeping its aspect ratio: area averaging when shrinking (each output
/// pixel is the coverage-weighted mean of the source pixels under it), bilinear when enlarging. Separable: rows,
/// then columns.
/// </summary>
public static class ImageScaler
{
    /// <summary>The largest size with the image's aspect ratio inside <paramref name="maxWidth"/> x <paramref name="maxHeight"/> (at least 1 x 1).</summary>
    public static (int Width, int Height) FitSize(int width, int height, int maxWidth, int maxHeight)
    {
        double scale = Math.Min((double)maxWidth / width, (double)maxHeight / height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    public static RenderedImage Fit(RenderedImage image, int maxWidth, int maxHeight)
    {
        var (w, h) = FitSize(image.Width, image.Height, maxWidth, maxHeight);
        return Resize(image, w, h);
    }

    public static RenderedImage Resize(RenderedImage image, int width, int height)
    {
        if (width == image.Width && height == image.Height) return image;
        int c = image.Channels;
        var columns = Weights(image.Width, width);
        var rows = Weights(image.Height, height);

        // Horizontal pass into floats (no rounding between passes), then the vertical pass to bytes.
        var temp = new float[image.Height * width * c];
        for (int y = 0; y < image.Height; y++)
        {
            int srcRow = y * image.Width * c, dstRow = y * width * c;
            for (int x = 0; x < width; x++)
            {
                var (start, weights) = columns[x];
                for (int ch = 0; ch < c; ch++)
                {
                    float sum = 0;
                    for (int k = 0; k < weights.Length; k++) sum += weights[k] * image.Pixels[srcRow + (start + k) * c + ch];
                    temp[dstRow + x * c + ch] = sum;
                }
            }
        }
        var output = new byte[width * height * c];
        int stride = width * c;
        for (int y = 0; y < height; y++)
        {
            var (start, weights) = rows[y];
            for (int i = 0; i < stride; i++)
            {
                float sum = 0;
                for (int k = 0; k < weights.Length; k++) sum += weights[k] * temp[(start + k) * stride + i];
                output[y * stride + i] = (byte)Math.Clamp((int)MathF.Round(sum), 0, 255);
            }
        }
        return new RenderedImage(width, height, c, output);
    }

    /// <summary>For each output index, the first source index it reads and the weights (summing to 1) of the sources from there.</summary>
    private static (int Start, float[] Weights)[] Weights(int source, int target)
    {
        var result = new (int, float[])[target];
        double scale = (double)source / target;
        for (int i = 0; i < target; i++)
        {
            if (scale >= 1)
            {
                // Area: output pixel i covers source interval [i*scale, (i+1)*scale).
                double from = i * scale, to = Math.Min((i + 1) * scale, source);
                int first = (int)Math.Floor(from), last = Math.Min((int)Math.Ceiling(to) - 1, source - 1);
                var w = new float[last - first + 1];
                for (int s = first; s <= last; s++)
                    w[s - first] = (float)((Math.Min(s + 1, to) - Math.Max(s, from)) / (to - from));
                result[i] = (first, w);
            }
            else
            {
                // Bilinear: sample at the output pixel's centre mapped into source coordinates.
                double centre = Math.Clamp((i + 0.5) * scale - 0.5, 0, source - 1);
                int first = Math.Min((int)Math.Floor(centre), Math.Max(source - 2, 0));
                float frac = (float)(centre - first);
                result[i] = source == 1 ? (0, [1f]) : (first, [1 - frac, frac]);
            }
        }
        return result;
    }
}
