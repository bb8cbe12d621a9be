namespace PacsEdge.Dicom.Text;

/// <summary>Where ISO 2022 puts a graphic character set: G0 (bytes 0x21-0x7E) or G1 (0xA0/0xA1-0xFF).</summary>
internal enum CodeElement { G0, G1 }

/// <summary>
/// One graphic character set of ISO 2022 as DICOM uses it (PS3.3 Tables C.12-3 and C.12-4): its
/// register (G0 or G1), the escape sequence that designates it, and the mapping between its code
/// positions and Unicode. Positions are always given as 7-bit bytes (0x20-0x7F); the decoder strips
/// the high bit of G1 bytes before asking, the encoder sets it.
/// </summary>
internal abstract class GraphicCharacterSet(string name, CodeElement element, byte[] escapeSequence, int bytesPerChar)
{
    /// <summary>The ISO-IR registration, e.g. "ISO-IR 87", for messages and tests.</summary>
    public string Name { get; } = name;

    public CodeElement Element { get; } = element;

    /// <summary>ESC and the bytes after it that designate this set into its register.</summary>
    public byte[] EscapeSequence { get; } = escapeSequence;

    /// <summary>1 for the single-byte sets, 2 for JIS X 0208/0212, KS X 1001 and GB 2312.</summary>
    public int BytesPerChar { get; } = bytesPerChar;

    /// <summary>True for ISO-IR 6 and ISO-IR 14, whose code positions carry the DICOM delimiters.</summary>
    public virtual bool IsAsciiCompatible => false;

    /// <summary>The character at a code position (one or two 7-bit bytes); false when undefined.</summary>
    public abstract bool TryDecode(ReadOnlySpan<byte> position, out char c);

    /// <summary>The code position (7-bit bytes, <see cref="BytesPerChar"/> of them) of a character.</summary>
    public abstract bool TryEncode(char c, Span<byte> position);

    public override string ToString() => Name;
}
