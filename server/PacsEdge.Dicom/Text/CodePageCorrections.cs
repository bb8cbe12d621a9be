namespace PacsEdge.Dicom.Text;

/// <summary>
/// Cells where a .NET code page disagrees with the mapping the referee tools (Python's codecs,
/// glibc iconv) and the Unicode mapping tables use. Found by decoding every cell with both; the
/// test CharacterSetTableTests checks every position against Python (and glibc iconv where Python has none).
/// A correction to U+0000 means "undefined here".
/// </summary>
internal static class CodePageCorrections
{
    /// <summary>ISO 8859-7:2003 (Unicode 8859-7.TXT); .NET keeps the 1987 edition.</summary>
    public static readonly IReadOnlyDictionary<byte, char> Greek = new Dictionary<byte, char>
    {
        [0xA1] = '\u2018', // LEFT SINGLE QUOTATION MARK (1987: MODIFIER LETTER REVERSED COMMA)
        [0xA2] = '\u2019', // RIGHT SINGLE QUOTATION MARK (1987: MODIFIER LETTER APOSTROPHE)
        [0xA4] = '\u20AC', // EURO SIGN (added 2003)
        [0xA5] = '\u20AF', // DRACHMA SIGN (added 2003)
        [0xAA] = '\u037A', // GREEK YPOGEGRAMMENI (added 2003)
    };

    /// <summary>ISO 8859-8:1999 (Unicode 8859-8.TXT).</summary>
    public static readonly IReadOnlyDictionary<byte, char> Hebrew = new Dictionary<byte, char>
    {
        [0xAF] = '\u00AF', // MACRON (.NET: OVERLINE)
        [0xFD] = '\u200E', // LEFT-TO-RIGHT MARK
        [0xFE] = '\u200F', // RIGHT-TO-LEFT MARK
    };

    /// <summary>TIS 620 (ISO-IR 166) leaves 0xA0 undefined; windows-874 puts NO-BREAK SPACE there.</summary>
    public static readonly IReadOnlyDictionary<byte, char> Thai = new Dictionary<byte, char>
    {
        [0xA0] = '\0',
    };

    /// <summary>JIS X 0212 (Unicode JIS0212.TXT): two cells code page 20932 lacks.</summary>
    public static readonly IReadOnlyDictionary<ushort, char> JisX0212 = new Dictionary<ushort, char>
    {
        [0x2237] = '\u007E', // TILDE
        [0x2271] = '\u2116', // NUMERO SIGN
    };

    /// <summary>KS X 1001 (Unicode KSC5601.TXT, glibc EUC-KR): code page 51949 maps 0x3453 to U+B2D6.</summary>
    public static readonly IReadOnlyDictionary<ushort, char> KsX1001 = new Dictionary<ushort, char>
    {
        [0x3453] = '\uB2D2',
    };

    /// <summary>GB 2312 (Unicode GB2312.TXT, glibc): code page 20936 lacks 0x212C DOUBLE VERTICAL LINE.</summary>
    public static readonly IReadOnlyDictionary<ushort, char> Gb2312 = new Dictionary<ushort, char>
    {
        [0x212C] = '\u2016',
    };
}
