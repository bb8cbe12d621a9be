using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PacsEdge.Dicom.Dataset;

/// <summary>Typed access on top of raw values (fo-dicom's friendly accessors), decoding on demand.</summary>
public sealed partial class DicomDataset
{
    /// <summary>The values of a text element; empty when absent or empty.</summary>
    public string[] GetStrings(DicomTag tag) =>
        Get(tag) is DicomElement e ? DicomValueCodec.DecodeStrings(e.Span, e.VR, CharacterSet) : [];

    /// <summary>The first value of a text element, or null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        var values = GetStrings(tag);
        return values.Length > 0 ? values[0] : null;
    }

    /// <summary>All values (backslash-joined) of a text element, or null when absent.</summary>
    public string? GetText(DicomTag tag) =>
        Get(tag) is DicomElement e ? string.Join('\\', DicomValueCodec.DecodeStrings(e.Span, e.VR, CharacterSet)) : null;

    /// <summary>Numbers of a binary numeric element or of IS/DS text; empty when absent or not numeric.</summary>
    public double[] GetNumbers(DicomTag tag) =>
        Get(tag) is DicomElement e && DicomValueCodec.TryDecodeNumbers(e.Span, e.VR, out var v) ? v : [];

    public bool TryGetNumber(DicomTag tag, out double value)
    {
        var values = GetNumbers(tag);
        value = values.Length > 0 ? values[0] : 0;
        return values.Length > 0;
    }

    /// <summary>The first numeric value converted to T, or <paramref name="defaultValue"/>.</summary>
    public T GetSingleValueOrDefault<T>(DicomTag tag, T defaultValue) where T : struct, INumber<T> =>
        TryGetNumber(tag, out var d) ? T.CreateSaturating(d) : defaultValue;

    // ---- setters: encode typed values to raw bytes ----

    /// <summary>Sets a text element (values joined by backslash, padded to even length).</summary>
    public DicomDataset AddOrReplaceString(DicomTag tag, DicomVR vr, params string[] values)
    {
        var bytes = (vr.UsesSpecificCharacterSet() ? CharacterSet : Text.DicomCharacterSet.Default).Encode(string.Join('\\', values), vr);
        return AddOrReplace(new DicomElement(tag, vr, PadEven(bytes, vr)));
    }

    public DicomDataset AddOrReplaceUInt16(DicomTag tag, params ushort[] values) =>
        AddOrReplaceBinary(tag, DicomVR.US, values, 2, (s, v) => BinaryPrimitives.WriteUInt16LittleEndian(s, v));

    public DicomDataset AddOrReplaceInt16(DicomTag tag, params short[] values) =>
        AddOrReplaceBinary(tag, DicomVR.SS, values, 2, (s, v) => BinaryPrimitives.WriteInt16LittleEndian(s, v));

    public DicomDataset AddOrReplaceUInt32(DicomTag tag, params uint[] values) =>
        AddOrReplaceBinary(tag, DicomVR.UL, values, 4, (s, v) => BinaryPrimitives.WriteUInt32LittleEndian(s, v));

    public DicomDataset AddOrReplaceInt32(DicomTag tag, params int[] values) =>
        AddOrReplaceBinary(tag, DicomVR.SL, values, 4, (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, v));

    public DicomDataset AddOrReplaceFloat(DicomTag tag, params float[] values) =>
        AddOrReplaceBinary(tag, DicomVR.FL, values, 4, (s, v) => BinaryPrimitives.WriteSingleLittleEndian(s, v));

    public DicomDataset AddOrReplaceDouble(DicomTag tag, params double[] values) =>
        AddOrReplaceBinary(tag, DicomVR.FD, values, 8, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));

    /// <summary>Sets DS values in the shortest text that round-trips, within DS's 16 characters.</summary>
    public DicomDataset AddOrReplaceDecimalString(DicomTag tag, params double[] values) =>
        AddOrReplaceString(tag, DicomVR.DS, values.Select(FormatDecimalString).ToArray());

    public DicomDataset AddOrReplaceIntegerString(DicomTag tag, params long[] values) =>
        AddOrReplaceString(tag, DicomVR.IS, values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());

    public DicomDataset AddOrReplaceBytes(DicomTag tag, DicomVR vr, byte[] bytes) =>
        AddOrReplace(new DicomElement(tag, vr, PadEven(bytes, vr)));

    /// <summary>DS allows 16 characters: use round-trip text when it fits, else the most digits that do.</summary>
    public static string FormatDecimalString(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        for (int digits = 15; s.Length > 16 && digits > 0; digits--)
            s = value.ToString("G" + digits, CultureInfo.InvariantCulture);
        return s;
    }

    private delegate void Writer<T>(Span<byte> s, T value);

    private DicomDataset AddOrReplaceBinary<T>(DicomTag tag, DicomVR vr, T[] values, int size, Writer<T> write)
    {
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++) write(bytes.AsSpan(i * size), values[i]);
        return AddOrReplace(new DicomElement(tag, vr, bytes));
    }

    private static byte[] PadEven(byte[] bytes, DicomVR vr)
    {
        if (bytes.Length % 2 == 0) return bytes;
        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = vr.PaddingByte();
        return padded;
    }
}
