namespace PacsEdge.Dicom.Text;

/// <summary>
/// The graphic character sets DICOM names, with their escape sequences from PS3.3 Table C.12-3
/// (single-byte, with code extensions) and Table C.12-4 (multi-byte, with code extensions).
/// </summary>
internal static class GraphicCharacterSets
{
    private const byte Esc = 0x1B;

    public static readonly AsciiCharacterSet Ascii = new("ISO-IR 6", [Esc, 0x28, 0x42]);            // ESC ( B
    public static readonly AsciiCharacterSet JisRomaji = new("ISO-IR 14", [Esc, 0x28, 0x4A]);       // ESC ( J
    public static readonly KatakanaCharacterSet JisKatakana = new([Esc, 0x29, 0x49]);               // ESC ) I

    public static readonly TableCharacterSet Latin1 = new("ISO-IR 100", [Esc, 0x2D, 0x41], CodePageEncodings.Latin1);   // ESC - A
    public static readonly TableCharacterSet Latin2 = new("ISO-IR 101", [Esc, 0x2D, 0x42], CodePageEncodings.Latin2);   // ESC - B
    public static readonly TableCharacterSet Latin3 = new("ISO-IR 109", [Esc, 0x2D, 0x43], CodePageEncodings.Latin3);   // ESC - C
    public static readonly TableCharacterSet Latin4 = new("ISO-IR 110", [Esc, 0x2D, 0x44], CodePageEncodings.Latin4);   // ESC - D
    public static readonly TableCharacterSet Cyrillic = new("ISO-IR 144", [Esc, 0x2D, 0x4C], CodePageEncodings.Cyrillic); // ESC - L
    public static readonly TableCharacterSet Arabic = new("ISO-IR 127", [Esc, 0x2D, 0x47], CodePageEncodings.Arabic);   // ESC - G
    public static readonly TableCharacterSet Hebrew = new("ISO-IR 138", [Esc, 0x2D, 0x48], CodePageEncodings.Hebrew,    // ESC - H
        CodePageCorrections.Hebrew);
    public static readonly TableCharacterSet Greek = new("ISO-IR 126", [Esc, 0x2D, 0x46], CodePageEncodings.Greek,      // ESC - F
        CodePageCorrections.Greek);
    public static readonly TableCharacterSet Latin5 = new("ISO-IR 148", [Esc, 0x2D, 0x4D], CodePageEncodings.Latin5);   // ESC - M
    public static readonly TableCharacterSet Latin9 = new("ISO-IR 203", [Esc, 0x2D, 0x62], CodePageEncodings.Latin9);   // ESC - b
    public static readonly TableCharacterSet Thai = new("ISO-IR 166", [Esc, 0x2D, 0x54], CodePageEncodings.Thai,
        CodePageCorrections.Thai);       // ESC - T

    /// <summary>JIS X 0208 in G0 (ESC $ B): EUC-JP bytes are the code position with both high bits set.</summary>
    public static readonly DoubleByteCharacterSet JisX0208 = new("ISO-IR 87", CodeElement.G0, [Esc, 0x24, 0x42],
        CodePageEncodings.EucJp, (r, c) => [(byte)(r | 0x80), (byte)(c | 0x80)],
        row => row is >= 0x21 and <= 0x28 or >= 0x30 and <= 0x74);

    /// <summary>JIS X 0212 in G0 (ESC $ ( D): .NET's code page 20932 writes it as (row | 0x80, cell).</summary>
    public static readonly DoubleByteCharacterSet JisX0212 = new("ISO-IR 159", CodeElement.G0, [Esc, 0x24, 0x28, 0x44],
        CodePageEncodings.EucJp, (r, c) => [(byte)(r | 0x80), (byte)c],
        row => row is >= 0x22 and <= 0x2B or >= 0x30 and <= 0x6D, CodePageCorrections.JisX0212);

    /// <summary>KS X 1001 in G1 (ESC $ ) C): EUC-KR bytes are the G1 bytes.</summary>
    public static readonly DoubleByteCharacterSet KsX1001 = new("ISO-IR 149", CodeElement.G1, [Esc, 0x24, 0x29, 0x43],
        CodePageEncodings.EucKr, (r, c) => [(byte)(r | 0x80), (byte)(c | 0x80)],
        row => row is >= 0x21 and <= 0x2C or >= 0x30 and <= 0x7D, CodePageCorrections.KsX1001);

    /// <summary>GB 2312 in G1 (ESC $ ) A): EUC-CN bytes are the G1 bytes.</summary>
    public static readonly DoubleByteCharacterSet Gb2312 = new("ISO-IR 58", CodeElement.G1, [Esc, 0x24, 0x29, 0x41],
        CodePageEncodings.EucCn, (r, c) => [(byte)(r | 0x80), (byte)(c | 0x80)],
        row => row is >= 0x21 and <= 0x29 or >= 0x30 and <= 0x77, CodePageCorrections.Gb2312);

    /// <summary>Every set, for matching escape sequences while decoding.</summary>
    public static IReadOnlyList<GraphicCharacterSet> All { get; } =
    [
        Ascii, JisRomaji, JisKatakana, Latin1, Latin2, Latin3, Latin4, Cyrillic, Arabic, Hebrew, Greek,
        Latin5, Latin9, Thai, JisX0208, JisX0212, KsX1001, Gb2312,
    ];

    /// <summary>
    /// Escape sequences accepted on reading besides the ones above: ESC $ @ (JIS C 6226-1978, the
    /// predecessor of JIS X 0208, still written by old Japanese systems) and ESC $ ( B (the long form of ESC $ B).
    /// </summary>
    public static IReadOnlyList<(byte[] Sequence, GraphicCharacterSet Set)> Aliases { get; } =
    [
        ([Esc, 0x24, 0x40], JisX0208),
        ([Esc, 0x24, 0x28, 0x42], JisX0208),
    ];
}
