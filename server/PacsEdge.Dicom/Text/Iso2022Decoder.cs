using System.Buffers;

namespace PacsEdge.Dicom.Text;

/// <summary>
/// Decodes a text value that may switch character sets with ISO 2022 escape sequences (PS3.5 6.1.2.5):
/// bytes are read in the current G0 set (0x21-0x7E) or G1 set (0xA0-0xFF), a recognised escape
/// sequence designates another set, and at each reset character the sets of value 1 return.
/// Multi-byte characters are taken whole, so their bytes (which may be 0x5C, 0x5E, 0x3D) never
/// act as delimiters. Nothing throws: undefined codes become U+FFFD.
/// </summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;

    /// <summary>
    /// G1 bytes with no set designated (the default repertoire has none) are read as ISO-IR 100, as
    /// pydicom does; PS3.5 does not allow them, but Latin-1 text without (0008,0005) is common.
    /// </summary>
    public static GraphicCharacterSet UndesignatedG1Fallback => GraphicCharacterSets.Latin1;

    public static string Decode(ReadOnlySpan<byte> bytes, Iso2022State initial, DicomVR vr)
    {
        char[] rented = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            int length = Decode(bytes, initial, vr, rented);
            return new string(rented, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes at most one character per byte into <paramref name="output"/>; returns the count.</summary>
    private static int Decode(ReadOnlySpan<byte> bytes, Iso2022State initial, DicomVR vr, Span<char> output)
    {
        var state = initial;
        int n = 0;
        Span<byte> position = stackalloc byte[2];
        for (int i = 0; i < bytes.Length;)
        {
            byte b = bytes[i];
            if (b == Esc && TryMatchEscape(bytes[i..], out var designated, out int escLength))
            {
                state = state.With(designated);
                i += escLength;
                continue;
            }
            if (b < 0x21 || b == 0x7F || b is >= 0x80 and < 0xA0)
            {
                // Controls, space and DEL belong to no graphic set (an unknown ESC is kept as a control).
                char control = (char)b;
                output[n++] = control;
                if (CodeExtensionResets.IsResetCharacter(control, vr)) state = initial;
                i++;
                continue;
            }
            var set = b < 0x80 ? state.G0 : state.G1 ?? UndesignatedG1Fallback;
            int width = set.BytesPerChar;
            if (i + width > bytes.Length || (width == 2 && !SameHalf(b, bytes[i + 1])))
            {
                output[n++] = '\uFFFD'; // a lone or broken half of a two-byte character
                i++;
                continue;
            }
            for (int k = 0; k < width; k++) position[k] = (byte)(bytes[i + k] & 0x7F);
            char c = set.TryDecode(position[..width], out var decoded) ? decoded : '\uFFFD';
            output[n++] = c;
            i += width;
            if (width == 1 && CodeExtensionResets.IsResetCharacter(c, vr)) state = initial;
        }
        return n;
    }

    /// <summary>Both bytes of a two-byte character are graphic bytes of the same half (GL or GR).</summary>
    private static bool SameHalf(byte lead, byte trail) =>
        lead < 0x80 ? trail is >= 0x21 and <= 0x7E : trail is >= 0xA1 and <= 0xFE;

    /// <summary>Matches the escape sequence at the start of <paramref name="bytes"/> against the known designations.</summary>
    public static bool TryMatchEscape(ReadOnlySpan<byte> bytes, out GraphicCharacterSet set, out int length)
    {
        foreach (var candidate in GraphicCharacterSets.All)
        {
            if (bytes.StartsWith(candidate.EscapeSequence))
            {
                (set, length) = (candidate, candidate.EscapeSequence.Length);
                return true;
            }
        }
        foreach (var (sequence, aliased) in GraphicCharacterSets.Aliases)
        {
            if (bytes.StartsWith(sequence))
            {
                (set, length) = (aliased, sequence.Length);
                return true;
            }
        }
        (set, length) = (GraphicCharacterSets.Ascii, 0);
        return false;
    }
}
