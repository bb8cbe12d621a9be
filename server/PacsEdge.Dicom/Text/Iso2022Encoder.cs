namespace PacsEdge.Dicom.Text;

/// <summary>
/// Encodes text into the sets a Specific Character Set offers, writing escape sequences where a
/// character needs a set that is not designated (PS3.5 6.1.2.5). Before each reset character and at
/// the end of the value, G0 returns to value 1's set with its escape sequence, so delimiters are
/// readable by any ISO 2022 reader (the PS3.5 Annex H examples). G1 needs no escape there: readers
/// reset it at the delimiter, so a later G1 character re-designates (the PS3.5 Annex I example).
/// </summary>
internal static class Iso2022Encoder
{
    /// <param name="sets">The sets the value may use, in preference order (value 1's first).</param>
    /// <param name="allowUndesignatedG1">
    /// Whether characters no set holds may go out as ISO-IR 100 bytes while G1 is empty (the default
    /// repertoire), mirroring <see cref="Iso2022Decoder.UndesignatedG1Fallback"/>; otherwise they become '?'.
    /// </param>
    public static byte[] Encode(string text, Iso2022State initial, IReadOnlyList<GraphicCharacterSet> sets,
        bool allowUndesignatedG1, DicomVR vr)
    {
        var output = new List<byte>(text.Length + 8);
        var state = initial;
        Span<byte> position = stackalloc byte[2];
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                if (!state.G0.IsAsciiCompatible) state = Designate(output, state, AsciiG0(initial));
                output.Add((byte)c);
                if (CodeExtensionResets.IsResetCharacter(c, vr)) state = initial;
                continue;
            }
            var set = FindSet(c, state, sets, position);
            if (set is null)
            {
                if (allowUndesignatedG1 && state.G1 is null && Iso2022Decoder.UndesignatedG1Fallback.TryEncode(c, position))
                {
                    output.Add((byte)(position[0] | 0x80));
                    continue;
                }
                if (!state.G0.IsAsciiCompatible) state = Designate(output, state, AsciiG0(initial));
                output.Add((byte)'?');
                continue;
            }
            if (!state.Holds(set)) state = Designate(output, state, set);
            byte high = set.Element == CodeElement.G1 ? (byte)0x80 : (byte)0;
            for (int k = 0; k < set.BytesPerChar; k++) output.Add((byte)(position[k] | high));
        }
        if (state.G0 != initial.G0) Designate(output, state, initial.G0);
        return output.ToArray();
    }

    /// <summary>The set for a character: a designated one if it can, else the first listed one that can.</summary>
    private static GraphicCharacterSet? FindSet(char c, Iso2022State state, IReadOnlyList<GraphicCharacterSet> sets, Span<byte> position)
    {
        if (state.G1 is { } g1 && g1.TryEncode(c, position)) return g1;
        if (!state.G0.IsAsciiCompatible && state.G0.TryEncode(c, position)) return state.G0;
        foreach (var set in sets)
            if (!set.IsAsciiCompatible && set.TryEncode(c, position)) return set;
        return null;
    }

    /// <summary>The ASCII-compatible G0 to return to: value 1's (ISO-IR 6 or 14).</summary>
    private static GraphicCharacterSet AsciiG0(Iso2022State initial) => initial.G0;

    private static Iso2022State Designate(List<byte> output, Iso2022State state, GraphicCharacterSet set)
    {
        output.AddRange(set.EscapeSequence);
        return state.With(set);
    }
}
