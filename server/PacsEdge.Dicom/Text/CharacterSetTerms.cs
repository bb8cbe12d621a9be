using System.Text.RegularExpressions;
using static PacsEdge.Dicom.Text.GraphicCharacterSets;

namespace PacsEdge.Dicom.Text;

/// <summary>
/// The defined terms of PS3.3 C.12.1.1.2: Table C.12-2 (single-byte without code extensions),
/// C.12-3 (single-byte with code extensions), C.12-4 (multi-byte with code extensions) and
/// C.12-5 (multi-byte without code extensions), and the lookup of a term as written in a file.
/// </summary>
internal static partial class CharacterSetTerms
{
    /// <summary>The default repertoire: ISO-IR 6 in G0, nothing in G1 (value 1 empty).</summary>
    public static readonly CharacterSetTerm DefaultRepertoire = new("", Ascii, null);

    private static readonly Dictionary<string, CharacterSetTerm> ByTerm = Build();

    private static Dictionary<string, CharacterSetTerm> Build()
    {
        var terms = new Dictionary<string, CharacterSetTerm>(StringComparer.Ordinal)
        {
            [""] = DefaultRepertoire,
            ["ISO 2022 IR 6"] = new("ISO 2022 IR 6", Ascii, null, UsesCodeExtensions: true),
            ["ISO_IR 13"] = new("ISO_IR 13", JisRomaji, JisKatakana),
            ["ISO 2022 IR 13"] = new("ISO 2022 IR 13", JisRomaji, JisKatakana, UsesCodeExtensions: true),
            ["ISO 2022 IR 87"] = new("ISO 2022 IR 87", JisX0208, null, UsesCodeExtensions: true),
            ["ISO 2022 IR 159"] = new("ISO 2022 IR 159", JisX0212, null, UsesCodeExtensions: true),
            ["ISO 2022 IR 149"] = new("ISO 2022 IR 149", null, KsX1001, UsesCodeExtensions: true),
            ["ISO 2022 IR 58"] = new("ISO 2022 IR 58", null, Gb2312, UsesCodeExtensions: true),
            ["ISO_IR 192"] = new("ISO_IR 192", null, null, StandAloneCodePage: 65001),
            ["GB18030"] = new("GB18030", null, null, StandAloneCodePage: CodePageEncodings.Gb18030),
            ["GBK"] = new("GBK", null, null, StandAloneCodePage: CodePageEncodings.Gbk),
        };
        // The ISO 8859 parts and TIS 620: ASCII in G0 and the 96-set in G1, with or without extensions.
        foreach (var (number, set) in new (int, GraphicCharacterSet)[]
        {
            (100, Latin1), (101, Latin2), (109, Latin3), (110, Latin4), (144, Cyrillic), (127, Arabic),
            (126, Greek), (138, Hebrew), (148, Latin5), (203, Latin9), (166, Thai),
        })
        {
            terms[$"ISO_IR {number}"] = new($"ISO_IR {number}", Ascii, set);
            terms[$"ISO 2022 IR {number}"] = new($"ISO 2022 IR {number}", Ascii, set, UsesCodeExtensions: true);
        }
        return terms;
    }

    /// <summary>
    /// Finds a term. Common misspellings ("ISO_IR100", "ISO-IR 100", "ISO 2022-IR 87", lower case) are
    /// accepted with <paramref name="corrected"/> set; "ISO_IR 6" (not a defined term, but written by
    /// some systems) means the default repertoire.
    /// </summary>
    public static bool TryGet(string term, out CharacterSetTerm found, out bool corrected)
    {
        corrected = false;
        var trimmed = term.Trim(' ', '\0');
        if (ByTerm.TryGetValue(trimmed, out found!)) return true;
        corrected = true;
        var upper = trimmed.ToUpperInvariant();
        if (upper is "ISO_IR 6" or "ISO-IR 6" or "ISO IR 6") { found = DefaultRepertoire; corrected = upper != "ISO_IR 6"; return true; }
        if (ByTerm.TryGetValue(upper, out found!)) return true;
        var m = Misspelled().Match(upper);
        if (m.Success)
        {
            var canonical = m.Groups["ext"].Success ? $"ISO 2022 IR {m.Groups["n"].Value}" : $"ISO_IR {m.Groups["n"].Value}";
            if (ByTerm.TryGetValue(canonical, out found!)) return true;
        }
        if (upper is "UTF-8" or "UTF8" or "ISO-IR 192") return ByTerm.TryGetValue("ISO_IR 192", out found!);
        found = DefaultRepertoire;
        corrected = false;
        return false;
    }

    [GeneratedRegex(@"^ISO[ _-]?(?<ext>2022[ _-]?)?IR[ _-]?(?<n>\d+)$")]
    private static partial Regex Misspelled();
}
