using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// A "Value" array back to an element's raw little-endian bytes (PS3.18 F.2.3-F.2.6): binary
/// numbers with range checks, IS/DS text, AT tags, PN groups, and text encoded with the data set's
/// Specific Character Set and padded to even length.
/// </summary>
internal static class DicomJsonValueParser
{
    public static byte[] Encode(JsonElement values, DicomTag tag, DicomVR vr, DicomDataset dataset)
    {
        if (vr.IsBinaryNumber()) return EncodeNumbers(values, tag, vr);
        if (vr == DicomVR.AT) return EncodeTags(values, tag);
        if (!vr.IsString()) throw DicomJsonReader.Error($"VR {vr.Code()} takes \"InlineBinary\" or \"BulkDataURI\", not \"Value\"", tag);

        var texts = new List<string>();
        foreach (var v in values.EnumerateArray())
            texts.Add(v.ValueKind == JsonValueKind.Null ? "" : vr switch
            {
                DicomVR.PN => PersonName(v, tag),
                DicomVR.IS or DicomVR.DS => NumberText(v, tag, vr),
                _ => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw DicomJsonReader.Error($"expected a string value, found {v.ValueKind}", tag),
            });
        if (vr.IsSingleValuedText() && texts.Count > 1) throw DicomJsonReader.Error($"VR {vr.Code()} holds one value, found {texts.Count}", tag);
        var charset = vr.UsesSpecificCharacterSet() ? dataset.CharacterSet : Text.DicomCharacterSet.Default;
        var bytes = charset.Encode(string.Join('\\', texts), vr);
        if (bytes.Length % 2 == 0) return bytes;
        Array.Resize(ref bytes, bytes.Length + 1);
        bytes[^1] = vr.PaddingByte();
        return bytes;
    }

    private static string PersonName(JsonElement v, DicomTag tag)
    {
        if (v.ValueKind != JsonValueKind.Object) throw DicomJsonReader.Error($"a PN value is an object, found {v.ValueKind}", tag);
        var groups = new string?[3];
        foreach (var group in v.EnumerateObject())
        {
            int index = Array.IndexOf(DicomJsonPersonName.GroupNames, group.Name);
            if (index < 0) throw DicomJsonReader.Error($"unknown PN component group \"{group.Name}\"", tag);
            if (group.Value.ValueKind == JsonValueKind.Null) continue;
            if (group.Value.ValueKind != JsonValueKind.String) throw DicomJsonReader.Error($"PN group \"{group.Name}\" is not a string", tag);
            var text = group.Value.GetString()!;
            if (text.Contains('=') || text.Contains('\\')) throw DicomJsonReader.Error($"PN group \"{group.Name}\" contains '=' or '\\'", tag);
            groups[index] = text;
        }
        return DicomJsonPersonName.Join(groups);
    }

    /// <summary>
    /// IS/DS from a JSON number keeps the number's text when it is valid DICOM text (DS: at most 16
    /// characters); otherwise it is reformatted. A JSON string is accepted as the DICOM text itself.
    /// </summary>
    private static string NumberText(JsonElement v, DicomTag tag, DicomVR vr)
    {
        if (v.ValueKind == JsonValueKind.String) return v.GetString()!;
        if (v.ValueKind != JsonValueKind.Number) throw DicomJsonReader.Error($"expected a number, found {v.ValueKind}", tag);
        var raw = v.GetRawText();
        if (vr == DicomVR.IS)
        {
            if (v.TryGetInt64(out var integer) && integer is >= int.MinValue and <= int.MaxValue) return integer.ToString(CultureInfo.InvariantCulture);
            if (v.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue) return ((long)d).ToString(CultureInfo.InvariantCulture);
            throw DicomJsonReader.Error($"{raw} is not an IS value (a 32-bit integer)", tag);
        }
        if (raw.Length <= 16) return raw;
        if (!v.TryGetDouble(out var value) || !double.IsFinite(value)) throw DicomJsonReader.Error($"{raw} is not a DS value", tag);
        return DicomDataset.FormatDecimalString(value);
    }

    private static byte[] EncodeTags(JsonElement values, DicomTag tag)
    {
        var bytes = new byte[values.GetArrayLength() * 4];
        int i = 0;
        foreach (var v in values.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: 8 } s || !s.All(char.IsAsciiHexDigit) || !DicomTag.TryParse(s, out var t))
                throw DicomJsonReader.Error($"an AT value is a \"GGGGEEEE\" string, found {v.GetRawText()}", tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i), t.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i + 2), t.Element);
            i += 4;
        }
        return bytes;
    }

    private static byte[] EncodeNumbers(JsonElement values, DicomTag tag, DicomVR vr)
    {
        int size = vr.ElementSize();
        var bytes = new byte[values.GetArrayLength() * size];
        int i = 0;
        foreach (var v in values.EnumerateArray())
        {
            if (!TryWrite(v, vr, bytes.AsSpan(i, size))) throw DicomJsonReader.Error($"{v.GetRawText()} is not a valid {vr.Code()} value", tag);
            i += size;
        }
        return bytes;
    }

    private static bool TryWrite(JsonElement v, DicomVR vr, Span<byte> s)
    {
        ulong u;
        long l;
        double d;
        switch (vr)
        {
            case DicomVR.US when Integer(v, out u, ushort.MaxValue): BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)u); return true;
            case DicomVR.UL when Integer(v, out u, uint.MaxValue): BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)u); return true;
            case DicomVR.UV when Integer(v, out u, ulong.MaxValue): BinaryPrimitives.WriteUInt64LittleEndian(s, u); return true;
            case DicomVR.SS when Signed(v, out l, short.MinValue, short.MaxValue): BinaryPrimitives.WriteInt16LittleEndian(s, (short)l); return true;
            case DicomVR.SL when Signed(v, out l, int.MinValue, int.MaxValue): BinaryPrimitives.WriteInt32LittleEndian(s, (int)l); return true;
            case DicomVR.SV when Signed(v, out l, long.MinValue, long.MaxValue): BinaryPrimitives.WriteInt64LittleEndian(s, l); return true;
            case DicomVR.FL when Float(v, out d) && (!double.IsFinite(d) || Math.Abs(d) <= float.MaxValue):
                BinaryPrimitives.WriteSingleLittleEndian(s, (float)d); return true;
            case DicomVR.FD when Float(v, out d): BinaryPrimitives.WriteDoubleLittleEndian(s, d); return true;
            default: return false;
        }
    }

    /// <summary>An unsigned integer from a JSON number, or from a string (PS3.18 allows strings for UV beyond 2^53).</summary>
    private static bool Integer(JsonElement v, out ulong value, ulong max)
    {
        value = 0;
        bool parsed = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetUInt64(out value),
            JsonValueKind.String => ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return parsed && value <= max;
    }

    private static bool Signed(JsonElement v, out long value, long min, long max)
    {
        value = 0;
        bool parsed = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return parsed && value >= min && value <= max;
    }

    /// <summary>A JSON number, or the strings the writer uses for non-finite values.</summary>
    private static bool Float(JsonElement v, out double value)
    {
        value = 0;
        if (v.ValueKind == JsonValueKind.Number) return v.TryGetDouble(out value) && double.IsFinite(value);
        if (v.ValueKind != JsonValueKind.String) return false;
        value = v.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, _ => 0 };
        return !double.IsFinite(value);
    }
}
