namespace PacsEdge.Dicom.Buffers;

/// <summary>Reverses the byte order of each unit-sized value (big-endian transfer syntax support).</summary>
public static class ByteSwap
{
    public static void InPlace(Span<byte> data, int unit)
    {
        if (unit <= 1) return;
        int whole = data.Length - data.Length % unit;
        for (int i = 0; i < whole; i += unit) data.Slice(i, unit).Reverse();
    }
}
