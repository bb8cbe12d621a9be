using System.Globalization;
using System.Security.Cryptography;
using PacsEdge.Dicom.IO;
using PacsEdge.Phantom;

namespace PacsEdge.Phantom.Tests;

/// <summary>The synthetic chest CT checked by referees: dciodvfy (CT Image IOD), dcmdump, and pydicom for the HU values.</summary>
public class SyntheticCtSeriesTests
{
    private static readonly SyntheticCtOptions Small = new() { Seed = 7, Slices = 5, Rows = 128, Columns = 160, SliceThickness = 3 };

    [Fact]
    public void A_slice_is_a_valid_CT_image_for_dciodvfy_and_dcmdump()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("slice.dcm");
        DicomFileWriter.Write(path, SyntheticCtSeries.Generate(Small).Skip(2).First());

        var verify = ExternalTool.Run("dciodvfy", [path]);
        var errors = (verify.StdOut + verify.StdErr).Split('\n').Where(l => l.StartsWith("Error")).ToArray();
        Assert.True(errors.Length == 0, "dciodvfy: " + string.Join('\n', errors));
        Assert.Contains("CTImage", verify.StdOut + verify.StdErr);

        var dump = ExternalTool.RunChecked("dcmdump", ["-q", path]).StdOut;
        Assert.Contains("(0008,0060) CS [CT]", dump);
        Assert.Contains("(0002,0010) UI =LittleEndianExplicit", dump);
        Assert.Contains("(0028,0103) US 1", dump);
    }

    [Fact]
    public void Pixels_hold_the_materials_HU_at_their_places_and_geometry_steps_by_the_slice_thickness()
    {
        using var temp = new TempDirectory();
        var files = SyntheticCtSeries.Generate(Small).ToArray();
        for (int i = 0; i < files.Length; i++) DicomFileWriter.Write(temp.Combine($"{i}.dcm"), files[i]);

        // pydicom reads the files and samples 5x5 means at physical points, using only the files' own geometry.
        var points = new (string Name, double X, double Y)[]
        {
            ("lung_r", ChestPhantom.RightLungCenter.X, ChestPhantom.RightLungCenter.Y),
            ("lung_l", ChestPhantom.LeftLungCenter.X, ChestPhantom.LeftLungCenter.Y),
            ("spine", ChestPhantom.SpineCenter.X, ChestPhantom.SpineCenter.Y),
            ("soft", ChestPhantom.Mediastinum.X, ChestPhantom.Mediastinum.Y),
            ("air", -180, -140),
        };
        var script = """
import sys, pydicom, numpy as np
paths = sys.argv[2:]
pts = [p.split(':') for p in sys.argv[1].split(',')]
for path in paths:
    ds = pydicom.dcmread(path)
    hu = ds.pixel_array.astype(np.float64) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    x0, y0, z = [float(v) for v in ds.ImagePositionPatient]
    dy, dx = [float(v) for v in ds.PixelSpacing]
    out = ['z=%.3f' % z]
    for name, x, y in pts:
        c = int(round((float(x) - x0) / dx)); r = int(round((float(y) - y0) / dy))
        out.append('%s=%.1f' % (name, hu[r-2:r+3, c-2:c+3].mean()))
    print(' '.join(out))
""";
        var arg = string.Join(',', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}:{p.X}:{p.Y}")));
        var output = ExternalTool.RunChecked("/usr/bin/python3", ["-c", script, arg, .. Enumerable.Range(0, files.Length).Select(i => temp.Combine($"{i}.dcm"))]).StdOut;
        var lines = output.Trim().Split('\n');
        Assert.Equal(files.Length, lines.Length);
        var expected = new Dictionary<string, double> { ["lung_r"] = Tissue.Lung, ["lung_l"] = Tissue.Lung, ["spine"] = Tissue.Bone, ["soft"] = Tissue.SoftTissue, ["air"] = Tissue.Air };
        for (int i = 0; i < lines.Length; i++)
        {
            var values = lines[i].Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
            Assert.Equal(-6 + 3 * i, values["z"], 3); // 5 slices 3 mm apart, centred on 0
            foreach (var (name, hu) in expected)
                Assert.True(Math.Abs(values[name] - hu) < 10, $"slice {i} {name}: {values[name]} HU, expected {hu}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_another_study()
    {
        static string[] Hashes(SyntheticCtOptions o) =>
            SyntheticCtSeries.Generate(o).Select(f => Convert.ToHexString(SHA256.HashData(DicomFileWriter.ToBytes(f)))).ToArray();
        var first = Hashes(Small);
        Assert.Equal(first, Hashes(Small));
        Assert.Equal(Small.Slices, first.Distinct().Count());
        var other = SyntheticCtSeries.Generate(Small with { Seed = 8 }).First().Dataset;
        var mine = SyntheticCtSeries.Generate(Small).First().Dataset;
        Assert.NotEqual(mine.GetString(PacsEdge.Dicom.DicomTags.StudyInstanceUID), other.GetString(PacsEdge.Dicom.DicomTags.StudyInstanceUID));
        Assert.True(PacsEdge.Dicom.Uids.DicomUidGenerator.IsValid(mine.GetString(PacsEdge.Dicom.DicomTags.SOPInstanceUID)));
    }
}
