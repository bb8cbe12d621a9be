using System.Text.Json;

namespace PacsEdge.DicomWeb.Tests.Wado;

/// <summary>The frames of a file as pydicom (the referee) gives them, run as a process.</summary>
public static class PydicomFrames
{
    // native: the raw Pixel Data sliced per frame (little-endian files), or pixel_array as little endian (big-endian
    // files, whose raw bytes pydicom keeps swapped). encapsulated: pydicom.encaps.generate_pixel_data_frame.
    // decoded: pixel_array (pydicom's own RLE decoder) as little-endian bytes, frame by frame.
    private const string Script = """
import sys, json, base64, pydicom, pydicom.encaps, numpy as np
from pydicom.pixel_data_handlers.util import get_expected_length
ds = pydicom.dcmread(sys.argv[2])
n = int(ds.get('NumberOfFrames', 1) or 1)
mode = sys.argv[1]
if mode == 'encapsulated':
    frames = list(pydicom.encaps.generate_pixel_data_frame(ds.PixelData, n))
elif mode == 'native' and not ds.file_meta.TransferSyntaxUID.is_little_endian:
    arr = ds.pixel_array.reshape((n, -1))
    frames = [f.astype(f.dtype.newbyteorder('<')).tobytes() for f in arr]
elif mode == 'native':
    size = get_expected_length(ds, 'bytes') // n  # pydicom's own size rules (YBR_FULL_422: 2 samples per pixel)
    frames = [ds.PixelData[i * size:(i + 1) * size] for i in range(n)]
else:
    arr = ds.pixel_array.reshape((n, -1))
    frames = [f.astype(f.dtype.newbyteorder('<')).tobytes() for f in arr]
print(json.dumps([base64.b64encode(bytes(f)).decode() for f in frames]))
""";

    public static IReadOnlyList<byte[]> Frames(string path, string mode)
    {
        var result = ExternalTool.RunChecked("/usr/bin/python3", ["-c", Script, mode, path], 60_000);
        return JsonSerializer.Deserialize<string[]>(result.StdOut)!.Select(Convert.FromBase64String).ToList();
    }
}
