using PacsEdge.Dicom;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Testing;

/// <summary>
/// Deep equality of two data sets for round-trip tests: same tags in the same order, same VRs (unless
/// told to ignore them, as implicit VR loses them), values equal after even-length padding (a writer
/// must pad), group length values ignored (a writer recomputes them). Returns the first difference.
/// </summary>
public static class DatasetComparer
{
    public static string? FirstDifference(DicomDataset a, DicomDataset b, bool compareVR = true, string path = "")
    {
        var ia = a.ToList();
        var ib = b.ToList();
        for (int i = 0; i < Math.Max(ia.Count, ib.Count); i++)
        {
            if (i >= ia.Count) return $"{path}{ib[i].Tag}: only in the second";
            if (i >= ib.Count) return $"{path}{ia[i].Tag}: only in the first";
            var (x, y) = (ia[i], ib[i]);
            var at = $"{path}{x.Tag}";
            if (x.Tag != y.Tag) return $"{at}: tag differs from {y.Tag}";
            if (compareVR && x.VR != y.VR) return $"{at}: VR {x.VR} vs {y.VR}";
            var diff = (x, y) switch
            {
                (DicomElement ex, DicomElement ey) => x.Tag.IsGroupLength || SameBytes(ex.Value, ey.Value, x.VR) ? null : $"{at}: value differs",
                (DicomSequence sx, DicomSequence sy) => CompareItems(sx, sy, compareVR, at),
                (DicomFragmentSequence fx, DicomFragmentSequence fy) => CompareFragments(fx, fy, at),
                _ => $"{at}: {x.GetType().Name} vs {y.GetType().Name}",
            };
            if (diff is not null) return diff;
        }
        return null;
    }

    private static string? CompareItems(DicomSequence x, DicomSequence y, bool compareVR, string at)
    {
        if (x.Items.Count != y.Items.Count) return $"{at}: {x.Items.Count} items vs {y.Items.Count}";
        for (int i = 0; i < x.Items.Count; i++)
            if (FirstDifference(x.Items[i], y.Items[i], compareVR, $"{at}[{i}].") is { } d) return d;
        return null;
    }

    private static string? CompareFragments(DicomFragmentSequence x, DicomFragmentSequence y, string at)
    {
        if (!SameBytes(x.OffsetTable, y.OffsetTable, DicomVR.OB)) return $"{at}: offset table differs";
        if (x.Fragments.Count != y.Fragments.Count) return $"{at}: {x.Fragments.Count} fragments vs {y.Fragments.Count}";
        for (int i = 0; i < x.Fragments.Count; i++)
            if (!SameBytes(x.Fragments[i], y.Fragments[i], DicomVR.OB)) return $"{at}: fragment {i} differs";
        return null;
    }

    private static bool SameBytes(IByteSource a, IByteSource b, DicomVR vr) =>
        Padded(a.Memory.Span, vr).AsSpan().SequenceEqual(Padded(b.Memory.Span, vr));

    private static byte[] Padded(ReadOnlySpan<byte> value, DicomVR vr)
    {
        var bytes = new byte[value.Length + (value.Length & 1)];
        value.CopyTo(bytes);
        if ((value.Length & 1) == 1) bytes[^1] = vr.PaddingByte();
        return bytes;
    }
}
