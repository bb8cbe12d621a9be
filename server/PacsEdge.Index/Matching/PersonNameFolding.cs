using System.Globalization;
using System.Text;

namespace PacsEdge.Index.Matching;

/// <summary>
/// Folds person names for matching the same way on both providers (done here, in C#, not by SQL functions):
/// lower case, accents removed (NFD without combining marks), a few letters that do not decompose spelled out
/// (ß ss, æ ae, ø o, ...), and apostrophes dropped so that O'Brien, O’Brien and OBrien are one name.
/// </summary>
public static class PersonNameFolding
{
    /// <summary>The whole name folded, delimiters ('^', '=', spaces) kept: the column single-value and wildcard matching use.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            switch (c)
            {
                case '\'' or '\u2019' or '\u2018' or '`' or '\u00B4': continue;
                case 'ß': sb.Append("ss"); continue;
                case 'æ' or 'Æ': sb.Append("ae"); continue;
                case 'œ' or 'Œ': sb.Append("oe"); continue;
                case 'ø' or 'Ø': sb.Append('o'); continue;
                case 'đ' or 'Đ' or 'ð' or 'Ð': sb.Append('d'); continue;
                case 'ł' or 'Ł': sb.Append('l'); continue;
                case 'þ' or 'Þ': sb.Append("th"); continue;
                case 'ı': sb.Append('i'); continue;
                default: sb.Append(char.ToLowerInvariant(c)); continue;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The words fuzzy matching looks at: every name component of every component group (PS3.5 6.2: groups
    /// split by '=', components by '^'), folded, and also each space- or hyphen-separated word of a component
    /// ("van der Berg" gives "van der berg", "van", "der", "berg"). Distinct, empty ones dropped.
    /// </summary>
    public static IReadOnlyList<string> Words(string value)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in value.Split('='))
            foreach (var component in group.Split('^'))
            {
                var folded = Fold(component).Trim();
                if (folded.Length == 0) continue;
                words.Add(folded);
                foreach (var part in folded.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries))
                    words.Add(part);
            }
        return words.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The words of a fuzzy query value: each must be the start of some word of the name.</summary>
    public static IReadOnlyList<string> QueryWords(string value) =>
        Fold(value).Split(['^', '=', ' ', '-', ','], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
