using System.Globalization;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// IS and DS text as JSON numbers. PS3.18 F.2.3 writes them as numbers; their DICOM text is kept
/// digit for digit (no round trip through double), only rewritten where JSON's grammar differs
/// from PS3.5's: no '+', no leading zeros, no bare "." at either end of the mantissa.
/// Text that is not a valid IS/DS is written as a JSON string instead, as dcm2json does.
/// </summary>
internal static class DicomJsonNumbers
{
    /// <summary>The JSON number for an IS (integer) or DS (decimal) value, or null if it is not a valid one.</summary>
    public static string? ToJsonNumber(string value, DicomVR vr)
    {
        var s = value.AsSpan();
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        var intPart = s[intStart..i];
        ReadOnlySpan<char> fraction = default, exponent = default;
        bool exponentNegative = false;
        if (vr == DicomVR.DS)
        {
            if (i < s.Length && s[i] == '.')
            {
                int f = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                fraction = s[f..i];
            }
            if (intPart.IsEmpty && fraction.IsEmpty) return null;
            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                if (i < s.Length && (s[i] == '+' || s[i] == '-')) exponentNegative = s[i++] == '-';
                int e = i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                exponent = s[e..i];
                if (exponent.IsEmpty) return null;
            }
        }
        else if (intPart.IsEmpty) return null;
        if (i != s.Length) return null;

        var digits = intPart.TrimStart('0');
        var text = (negative ? "-" : "") + (digits.IsEmpty ? "0" : digits.ToString());
        if (!fraction.IsEmpty) text += "." + fraction.ToString();
        if (!exponent.IsEmpty) text += "E" + (exponentNegative ? "-" : "") + exponent.ToString();
        return text;
    }

    /// <summary>SV/UV beyond +/-(2^53 - 1) lose precision as JSON numbers (IEEE doubles): PS3.18 F.2.3.1 allows a string.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Invariant(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
