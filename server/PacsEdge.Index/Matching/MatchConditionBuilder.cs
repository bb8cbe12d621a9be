using System.Globalization;
using PacsEdge.Index.Schema;
using PacsEdge.Index.Storage;

namespace PacsEdge.Index.Matching;

/// <summary>
/// Turns one matching key into a SQL condition following PS3.4 C.2.2.2: empty value = universal matching
/// (no condition), single value, wildcard (* ?), UID list, range (DA/TM/DT), and PS3.18 fuzzy person names.
/// </summary>
internal sealed class MatchConditionBuilder(SqlDialect dialect, SqlParameterBag parameters)
{
    // Closes a prefix range: every string that starts with the prefix sorts below prefix + U+10FFFF
    // (the highest code point) in code point order, the order both providers use for these columns.
    private const string HighestCodePoint = "\U0010FFFF";

    /// <returns>The condition, or null when the key matches everything.</returns>
    public string? Build(MatchTarget target, string value, bool fuzzy)
    {
        value = value.Trim();
        if (value.Length == 0 || IsAllStars(value)) return null;
        return target.Kind switch
        {
            MatchKind.Text => TextCondition(target.Column, value),
            MatchKind.PersonName => PersonNameCondition(target, value, fuzzy),
            MatchKind.Uid => ListCondition(target.Column, SplitList(value)),
            MatchKind.Date or MatchKind.Time or MatchKind.DateTime => RangeCondition(target.Column, value),
            MatchKind.Integer => IntegerCondition(target, value),
            MatchKind.ModalitiesInStudy =>
                $"{target.OwnerKey} IN (SELECT ms.study_key FROM series ms WHERE {ListCondition("ms.modality", SplitList(value))})",
            _ => throw new InvalidMatchValueException(target.Tag, value, "this attribute is a return key only"),
        };
    }

    private static bool IsAllStars(string value) => value.All(c => c == '*');

    private static bool HasWildcard(string value) => value.Contains('*') || value.Contains('?');

    /// <summary>Single value (exact) or wildcard; a wildcard with a literal prefix also gets a range on it, so an index serves it.</summary>
    private string TextCondition(string column, string value)
    {
        if (!HasWildcard(value)) return $"{column} = {parameters.Add(value)}";
        var wildcard = dialect.WildcardCondition(column, value, parameters);
        var prefix = value[..value.IndexOfAny(['*', '?'])];
        if (prefix.Length == 0) return wildcard;
        return $"({column} >= {parameters.Add(prefix)} AND {column} < {parameters.Add(prefix + HighestCodePoint)} AND {wildcard})";
    }

    /// <summary>
    /// Person names: always case- and accent-insensitive (PS3.4 C.2.2.2.1 lets PN matching ignore case; Orthanc's
    /// default does too). Fuzzy without wildcards: every query word must start some word of the name, looked up in
    /// person_name_word through its (attribute, word) index.
    /// </summary>
    private string PersonNameCondition(MatchTarget target, string value, bool fuzzy)
    {
        if (!fuzzy || HasWildcard(value) || target.WordAttribute is null)
            return TextCondition(target.FoldedColumn ?? target.Column, target.FoldedColumn is null ? value : PersonNameFolding.Fold(value));
        var words = PersonNameFolding.QueryWords(value);
        if (words.Count == 0) return "1 = 1";
        var conditions = words.Select(word =>
            $"{target.OwnerKey} IN (SELECT w.owner_key FROM person_name_word w WHERE w.attribute = {target.WordAttribute} " +
            $"AND w.word >= {parameters.Add(word)} AND w.word < {parameters.Add(word + HighestCodePoint)})");
        return "(" + string.Join(" AND ", conditions) + ")";
    }

    /// <summary>PS3.18 8.3.4.1: a UID list is separated by ',' (and PS3.4 by '\').</summary>
    internal static IReadOnlyList<string> SplitList(string value) =>
        value.Split([',', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private string ListCondition(string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return "1 = 1";
        if (values.Count == 1) return $"{column} = {parameters.Add(values[0])}";
        return $"{column} IN ({string.Join(", ", values.Select(v => parameters.Add(v)))})";
    }

    /// <summary>
    /// Single value or range "lo-hi", "-hi", "lo-" (PS3.4 C.2.2.2.5). Values compare as text, which orders DA,
    /// TM and DT correctly; the upper bound includes everything it is a prefix of, so "-2020" takes all of 2020
    /// and "-1200" all of 12:00.
    /// </summary>
    private string RangeCondition(string column, string value)
    {
        var dash = value.IndexOf('-');
        if (dash < 0) return $"{column} = {parameters.Add(value)}";
        var lo = value[..dash].Trim();
        var hi = value[(dash + 1)..].Trim();
        var parts = new List<string>();
        if (lo.Length > 0) parts.Add($"{column} >= {parameters.Add(lo)}");
        if (hi.Length > 0) parts.Add($"{column} < {parameters.Add(hi + HighestCodePoint)}");
        if (parts.Count == 0) return "1 = 1";
        return "(" + string.Join(" AND ", parts) + ")";
    }

    private string IntegerCondition(MatchTarget target, string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw new InvalidMatchValueException(target.Tag, value, "not an integer");
        return $"{target.Column} = {parameters.Add(n)}";
    }
}
