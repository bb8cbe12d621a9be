using System.Globalization;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// C's printf "%.{P}g" for doubles (the form dcmdump prints FL and FD in): P significant digits,
/// trailing zeros dropped, exponent form "1.5e-07" when the exponent is below -4 or at least P.
/// .NET's "E" format is exactly rounded, so the digits are those a C library prints. dcmdump uses its
/// own conversion, which now and then prints one digit more than %.9g for an FL (e.g. 179.0357971
/// for 179.035797); both denote the same float, and the tests compare FL/FD values as numbers.
/// </summary>
internal static class CNumberFormat
{
    public static string G(double value, int precision)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return "0"; // also -0, which dcmdump prints as 0 (C would print "-0")
        string e = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture); // -d.dddE+ddd
        int at = e.IndexOf('E');
        int exponent = int.Parse(e.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= precision)
        {
            string mantissa = TrimZeros(e[..at]);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        return TrimZeros(value.ToString("F" + (precision - 1 - exponent), CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }
}
