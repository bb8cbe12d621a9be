namespace PacsEdge.Dicom.Text;

/// <summary>
/// A 94x94 two-byte set (JIS X 0208, JIS X 0212, KS X 1001, GB 2312), as tables built once from a
/// .NET EUC code page. The code pages carry vendor extensions: decoding accepts them (lenient),
/// encoding only uses the rows the standard set defines, so other readers can read what we write.
/// </summary>
internal sealed class DoubleByteCharacterSet : GraphicCharacterSet
{
    /// <summary>Maps a code position (row and cell, 0x21-0x7E each) to the code page's bytes.</summary>
    public delegate byte[] CodePageBytes(int row, int cell);

    private readonly Lazy<(char[] Decode, Dictionary<char, ushort> Encode)> _tables;

    public DoubleByteCharacterSet(string name, CodeElement element, byte[] escapeSequence, int codePage,
        CodePageBytes toCodePage, Func<int, bool> isStandardRow, IReadOnlyDictionary<ushort, char>? corrections = null)
        : base(name, element, escapeSequence, 2)
    {
        _tables = new(() => Build(codePage, toCodePage, isStandardRow, corrections));
    }

    public override bool TryDecode(ReadOnlySpan<byte> position, out char c)
    {
        int row = position[0] & 0x7F, cell = position[1] & 0x7F;
        c = row is >= 0x21 and <= 0x7E && cell is >= 0x21 and <= 0x7E ? _tables.Value.Decode[Index(row, cell)] : '\0';
        return c != '\0';
    }

    public override bool TryEncode(char c, Span<byte> position)
    {
        if (!_tables.Value.Encode.TryGetValue(c, out var code)) return false;
        position[0] = (byte)(code >> 8);
        position[1] = (byte)code;
        return true;
    }

    private static int Index(int row, int cell) => (row - 0x21) * 94 + (cell - 0x21);

    private static (char[], Dictionary<char, ushort>) Build(int codePage, CodePageBytes toCodePage,
        Func<int, bool> isStandardRow, IReadOnlyDictionary<ushort, char>? corrections)
    {
        var encoding = CodePageEncodings.GetStrict(codePage);
        var decode = new char[94 * 94];
        var encode = new Dictionary<char, ushort>();
        Span<char> chars = stackalloc char[4];
        for (int row = 0x21; row <= 0x7E; row++)
        for (int cell = 0x21; cell <= 0x7E; cell++)
        {
            ushort code = (ushort)((row << 8) | cell);
            char c = '\0';
            if (corrections is not null && corrections.TryGetValue(code, out var fixedChar)) c = fixedChar;
            else
            {
                try
                {
                    if (encoding.GetChars(toCodePage(row, cell), chars) == 1) c = chars[0];
                }
                catch (System.Text.DecoderFallbackException) { }
            }
            if (c is >= '\uE000' and <= '\uF8FF') c = '\0'; // private use: a vendor's undefined cell
            decode[Index(row, cell)] = c;
            if (c != '\0' && c >= 0x80 && isStandardRow(row)) encode.TryAdd(c, code);
        }
        return (decode, encode);
    }
}
