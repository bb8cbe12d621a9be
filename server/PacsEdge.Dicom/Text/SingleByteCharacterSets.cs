namespace PacsEdge.Dicom.Text;

/// <summary>
/// ISO-IR 6 (ASCII) in G0, and ISO-IR 14 (JIS X 0201 Romaji) which DICOM reads the same way: its
/// 0x5C and 0x7E are YEN SIGN and OVERLINE in JIS X 0201, but 0x5C is DICOM's value delimiter, so
/// it is read as ASCII as pydicom and dcmtk do.
/// </summary>
internal sealed class AsciiCharacterSet(string name, byte[] escapeSequence)
    : GraphicCharacterSet(name, CodeElement.G0, escapeSequence, 1)
{
    public override bool IsAsciiCompatible => true;

    public override bool TryDecode(ReadOnlySpan<byte> position, out char c)
    {
        c = (char)position[0];
        return position[0] < 0x80;
    }

    public override bool TryEncode(char c, Span<byte> position)
    {
        position[0] = (byte)c;
        return c < 0x80;
    }
}

/// <summary>ISO-IR 13, the JIS X 0201 Katakana in G1: 0xA1-0xDF are the half-width katakana U+FF61-U+FF9F.</summary>
internal sealed class KatakanaCharacterSet(byte[] escapeSequence)
    : GraphicCharacterSet("ISO-IR 13", CodeElement.G1, escapeSequence, 1)
{
    public override bool TryDecode(ReadOnlySpan<byte> position, out char c)
    {
        int p = position[0];
        c = p is >= 0x21 and <= 0x5F ? (char)(0xFF61 + p - 0x21) : '\0';
        return c != '\0';
    }

    public override bool TryEncode(char c, Span<byte> position)
    {
        if (c is < '\uFF61' or > '\uFF9F') return false;
        position[0] = (byte)(c - 0xFF61 + 0x21);
        return true;
    }
}

/// <summary>
/// A 96-character set in G1 (the ISO 8859 parts and TIS 620), as a table read once from the .NET
/// code page, with corrections where .NET keeps an older mapping than the one the referee tools use.
/// </summary>
internal sealed class TableCharacterSet : GraphicCharacterSet
{
    private readonly Lazy<(char[] Decode, Dictionary<char, byte> Encode)> _tables;

    public TableCharacterSet(string name, byte[] escapeSequence, int codePage, IReadOnlyDictionary<byte, char>? corrections = null)
        : base(name, CodeElement.G1, escapeSequence, 1)
    {
        _tables = new(() => Build(codePage, corrections));
    }

    public override bool TryDecode(ReadOnlySpan<byte> position, out char c)
    {
        c = _tables.Value.Decode[position[0] & 0x7F];
        return c != '\0';
    }

    public override bool TryEncode(char c, Span<byte> position)
    {
        if (!_tables.Value.Encode.TryGetValue(c, out var p)) return false;
        position[0] = p;
        return true;
    }

    private static (char[], Dictionary<char, byte>) Build(int codePage, IReadOnlyDictionary<byte, char>? corrections)
    {
        var encoding = CodePageEncodings.GetStrict(codePage);
        var decode = new char[128];
        var encode = new Dictionary<char, byte>();
        Span<char> chars = stackalloc char[2];
        for (int p = 0x20; p <= 0x7F; p++)
        {
            char c = '\0';
            if (corrections is not null && corrections.TryGetValue((byte)(p | 0x80), out var fixedChar)) c = fixedChar;
            else
            {
                try
                {
                    if (encoding.GetChars([(byte)(p | 0x80)], chars) == 1) c = chars[0];
                }
                catch (System.Text.DecoderFallbackException) { }
            }
            // Code pages give undefined cells private-use characters: treat them as undefined.
            if (c is >= '\uE000' and <= '\uF8FF') c = '\0';
            decode[p] = c;
            if (c != '\0') encode.TryAdd(c, (byte)p);
        }
        return (decode, encode);
    }
}
