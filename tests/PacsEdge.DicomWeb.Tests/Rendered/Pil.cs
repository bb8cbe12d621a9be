namespace PacsEdge.DicomWeb.Tests.Rendered;

/// <summary>Python PIL as the referee decoder: image facts and pixel differences, run as a process.</summary>
internal static class Pil
{
    private const string Script = """
import sys
from PIL import Image
cmd = sys.argv[1]
if cmd == "info":
    im = Image.open(sys.argv[2]); im.load()
    print(im.format, im.mode, im.size[0], im.size[1])
elif cmd == "diff":
    a = Image.open(sys.argv[2]); b = Image.open(sys.argv[3])
    if a.size != b.size: print("size", a.size, b.size); sys.exit(0)
    mode = "RGB" if "RGB" in (a.mode, b.mode) else "L"
    pa = a.convert(mode).tobytes(); pb = b.convert(mode).tobytes()
    d = [abs(x - y) for x, y in zip(pa, pb)]
    print("diff", max(d), sum(d) / len(d))
elif cmd == "raw":
    im = Image.open(sys.argv[2]); sys.stdout.buffer.write(im.tobytes())
elif cmd == "resize":
    w, h, mode, filt = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
    src = open(sys.argv[2], "rb").read()
    im = Image.frombytes(mode, (w, h), src)
    f = {"box": Image.BOX, "bilinear": Image.BILINEAR}[filt]
    sys.stdout.buffer.write(im.resize((int(sys.argv[7]), int(sys.argv[8])), f).tobytes())
""";

    public sealed record ImageInfo(string Format, string Mode, int Width, int Height);

    public static ImageInfo Info(string path)
    {
        var parts = Run("info", path).StdOut.Trim().Split(' ');
        return new ImageInfo(parts[0], parts[1], int.Parse(parts[2]), int.Parse(parts[3]));
    }

    /// <summary>The largest and the mean absolute difference of two images' pixels (same size required).</summary>
    public static (int Max, double Mean) Diff(string a, string b)
    {
        var output = Run("diff", a, b).StdOut.Trim();
        var parts = output.Split(' ');
        Assert.True(parts[0] == "diff", $"the images differ in size: {output}");
        return (int.Parse(parts[1]), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The decoded pixels, interleaved, rows top to bottom.</summary>
    public static byte[] Raw(string path) => Run("raw", path).StdOutBytes;

    /// <summary>PIL's resize of raw pixels ("L" or "RGB") with the "box" (area) or "bilinear" filter.</summary>
    public static byte[] Resize(string rawPath, int width, int height, string mode, string filter, int toWidth, int toHeight) =>
        Run("resize", rawPath, width.ToString(), height.ToString(), mode, filter, toWidth.ToString(), toHeight.ToString()).StdOutBytes;

    private static ExternalTool.Result Run(params string[] args)
    {
        var result = ExternalTool.Run("/usr/bin/python3", ["-c", Script, .. args], timeoutMs: 60_000);
        Assert.True(result.ExitCode == 0, $"PIL failed: {result.StdErr}");
        return result;
    }
}
