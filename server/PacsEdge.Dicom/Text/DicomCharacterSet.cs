using System.Text;

namespace PacsEdge.Dicom.Text;

/// <summary>
/// Specific Character Set (0008,0005) as a decoder/encoder for the text VRs that use it (SH, LO, ST,
/// LT, UC, UT, PN; PS3.5 6.1.2.3); the other string VRs are always the default repertoire.
/// Supports every defined term of PS3.3 C.12.1.1.2: the single-byte sets with and without ISO 2022
/// code extensions, JIS X 0208/0212, KS X 1001 and GB 2312 through escape sequences, and the
/// stand-alone ISO_IR 192 (UTF-8), GB18030 and GBK.
/// <para>
/// Unknown terms never throw. An unknown value 1 decodes as ISO_IR 100 (what pydicom does; every
/// ASCII byte still reads right), unknown further values are ignored; both are listed in
/// <see cref="UnknownTerms"/> and described in <see cref="Warnings"/>, as dcmtk and pydicom warn and carry on.
/// </para>
/// </summary>
public sealed class DicomCharacterSet
{
    /// <summary>The default repertoire (no Specific Character Set, or an empty value 1).</summary>
    public static readonly DicomCharacterSet Default = new([], [CharacterSetTerms.DefaultRepertoire], [], []);

    private readonly CharacterSetTerm _value1;
    private readonly Iso2022State _initial;
    private readonly GraphicCharacterSet[] _sets;
    private readonly Encoding? _standAlone;

    private DicomCharacterSet(string[] terms, IReadOnlyList<CharacterSetTerm> known, string[] unknown, string[] warnings)
    {
        Terms = terms;
        UnknownTerms = unknown;
        Warnings = warnings;
        _value1 = known[0];
        _initial = Iso2022State.Initial(_value1);
        _sets = known.SelectMany(t => t.Sets).Distinct().ToArray();
        UsesCodeExtensions = known.Count > 1 || _value1.UsesCodeExtensions;
        if (_value1.IsStandAlone)
            _standAlone = _value1.StandAloneCodePage == 65001 ? new UTF8Encoding(false) : CodePageEncodings.Get(_value1.StandAloneCodePage);
    }

    /// <summary>The defined terms as given (value 1 may be empty: default repertoire, possibly with extensions).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Terms that are not defined terms (nor a recognisable misspelling of one).</summary>
    public IReadOnlyList<string> UnknownTerms { get; }

    /// <summary>What was unknown, corrected or ignored in <see cref="Terms"/>, for logs and validation reports.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether value 1 is the default repertoire (ISO-IR 6, with or without extensions).</summary>
    public bool IsDefaultRepertoire => _value1.G0 == GraphicCharacterSets.Ascii && _value1.G1 is null && UnknownTerms.Count == 0;

    /// <summary>Whether escape sequences may switch sets inside a value (an ISO 2022 term, or several terms).</summary>
    public bool UsesCodeExtensions { get; }

    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || (terms.Count == 1 && terms[0].Trim(' ', '\0').Length == 0)) return Default;
        var known = new List<CharacterSetTerm>();
        var unknown = new List<string>();
        var warnings = new List<string>();
        for (int i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (!CharacterSetTerms.TryGet(term, out var found, out bool corrected))
            {
                unknown.Add(term);
                warnings.Add(i == 0
                    ? $"Unknown Specific Character Set '{term}': value 1 decoded as ISO_IR 100"
                    : $"Unknown Specific Character Set '{term}' (value {i + 1}): ignored");
                if (i == 0) known.Add(CharacterSetTerms.TryGet("ISO_IR 100", out var latin1, out _) ? latin1 : found);
                continue;
            }
            if (corrected) warnings.Add($"Specific Character Set '{term}' read as '{found.DefinedTerm}'");
            if (i > 0 && found.IsStandAlone)
            {
                warnings.Add($"Specific Character Set '{term}' cannot be a code extension (value {i + 1}): ignored");
                continue;
            }
            known.Add(found);
        }
        if (known[0].IsStandAlone && terms.Count > 1)
            warnings.Add($"Specific Character Set '{known[0].DefinedTerm}' allows no code extensions: values 2 to {terms.Count} ignored");
        return new DicomCharacterSet(terms.ToArray(), known[0].IsStandAlone ? [known[0]] : known, unknown.ToArray(), warnings.ToArray());
    }

    /// <summary>
    /// Decodes a whole value (all its values, delimiters included) of a string VR. For PN the
    /// component ('^') and group ('=') delimiters reset code extensions too, so a name's three
    /// groups decode right; split the result on '\' (and for PN on '=' and '^') afterwards.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (!vr.UsesSpecificCharacterSet()) return Encoding.Latin1.GetString(bytes);
        if (_standAlone is not null) return _standAlone.GetString(bytes);
        return Iso2022Decoder.Decode(bytes, _initial, vr);
    }

    /// <summary>
    /// Encodes a whole value (values joined by '\'). Characters the listed sets cannot hold become '?'
    /// (for the default repertoire: ISO_IR 100 bytes, which <see cref="Decode"/> reads back).
    /// </summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        if (!vr.UsesSpecificCharacterSet()) return Encoding.Latin1.GetBytes(text);
        if (_standAlone is not null) return _standAlone.GetBytes(text);
        return Iso2022Encoder.Encode(text, _initial, _sets, allowUndesignatedG1: _sets.Length == 1, vr);
    }

    /// <summary>Whether every character of <paramref name="text"/> survives <see cref="Encode"/> unchanged.</summary>
    public bool CanEncode(string text, DicomVR vr) => Decode(Encode(text, vr), vr) == text;

    public override string ToString() => Terms.Count == 0 ? "(default repertoire)" : string.Join('\\', Terms);
}
