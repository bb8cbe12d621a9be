using System.Text;
using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;
using PacsEdge.Index.Storage;

namespace PacsEdge.Index.Matching;

/// <summary>
/// Builds the SELECT for a QIDO-RS query: the level's table joined to its parents, one condition per matching
/// key (attributes of the level or above; others are reported, never dropped silently), the nested-resource
/// scope, a stable order (the level's key, i.e. insertion order) and limit/offset.
/// </summary>
internal static class QuerySqlBuilder
{
    public static QuerySql Build(IndexQuery query, IndexOptions options, SqlDialect dialect)
    {
        if (query.Level == QueryLevel.Patient)
            throw new ArgumentException("QIDO-RS has no patient level; query studies instead", nameof(query));
        var level = query.Level;
        var bag = new SqlParameterBag();
        var matcher = new MatchConditionBuilder(dialect, bag);
        var where = new List<string>();
        var unsupported = new List<DicomTag>();

        if (query.StudyInstanceUid is { } study) where.Add($"st.study_uid = {bag.Add(study)}");
        if (query.SeriesInstanceUid is { } series && level >= QueryLevel.Series) where.Add($"se.series_uid = {bag.Add(series)}");

        foreach (var match in query.Matches)
        {
            var target = Resolve(match.Tag, level, options);
            if (target is null)
            {
                if (match.Value.Trim().Trim('*').Length > 0 && !unsupported.Contains(match.Tag)) unsupported.Add(match.Tag);
                continue;
            }
            if (target.Kind == MatchKind.ReturnOnly)
            {
                if (match.Value.Trim().Length > 0 && !unsupported.Contains(match.Tag)) unsupported.Add(match.Tag);
                continue;
            }
            var condition = matcher.Build(target, match.Value, query.FuzzyMatching);
            if (condition is null) continue;
            // An extra tag's value sits in extra_attribute; its (level, tag, value) index finds the owners.
            where.Add(target.Extra is { } extra
                ? $"{target.OwnerKey} IN (SELECT xv.owner_key FROM extra_attribute xv WHERE xv.level = {(int)extra.Level} AND xv.tag = {(long)extra.Tag.Value} AND {condition})"
                : condition);
        }

        var columns = new List<(string Column, DicomTag Tag)>();
        var select = new List<string>();
        foreach (var attribute in IndexedAttributes.All.Where(a => a.Level <= level))
        {
            var alias = $"{attribute.TableAlias}_{attribute.Column}";
            select.Add($"{attribute.TableAlias}.{attribute.Column} AS {alias}");
            columns.Add((alias, attribute.Tag));
        }
        var n = 0;
        foreach (var extra in options.ExtraTags.Where(e => e.Level <= level))
        {
            var alias = "x" + n++;
            select.Add($"(SELECT xa.value FROM extra_attribute xa WHERE xa.level = {(int)extra.Level} AND xa.owner_key = " +
                       $"{SqlNames.Alias(extra.Level)}.{SqlNames.Key(extra.Level)} AND xa.tag = {(long)extra.Tag.Value}) AS {alias}");
            columns.Add((alias, extra.Tag));
        }

        var sql = new StringBuilder();
        sql.Append("SELECT ").AppendJoin(", ", select).Append(' ').Append(FromClause(level));
        if (where.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", where);
        sql.Append($" ORDER BY {SqlNames.Alias(level)}.{SqlNames.Key(level)}");
        sql.Append($" LIMIT {bag.Add(Math.Max(0, query.Limit))} OFFSET {bag.Add(Math.Max(0, query.Offset))}");
        return new QuerySql(sql.ToString(), bag.Parameters, columns, unsupported);
    }

    internal static string FromClause(QueryLevel level) => level switch
    {
        QueryLevel.Study => "FROM study st JOIN patient p ON p.patient_key = st.patient_key",
        QueryLevel.Series => "FROM series se JOIN study st ON st.study_key = se.study_key JOIN patient p ON p.patient_key = st.patient_key",
        _ => "FROM instance i JOIN series se ON se.series_key = i.series_key JOIN study st ON st.study_key = se.study_key " +
             "JOIN patient p ON p.patient_key = st.patient_key",
    };

    /// <summary>Where a tag can be matched at <paramref name="level"/>, or null when the index does not hold it there.</summary>
    private static MatchTarget? Resolve(DicomTag tag, QueryLevel level, IndexOptions options)
    {
        if (IndexedAttributes.TryGet(tag, out var attribute))
        {
            if (attribute.Level > level) return null;
            var column = $"{attribute.TableAlias}.{attribute.Column}";
            var owner = $"{attribute.TableAlias}.{SqlNames.Key(attribute.Level)}";
            return attribute.Kind switch
            {
                MatchKind.PersonName => new MatchTarget(tag, attribute.Kind, column)
                {
                    FoldedColumn = column + "_folded", WordAttribute = PersonNameWords.AttributeOf(tag), OwnerKey = owner,
                },
                MatchKind.ModalitiesInStudy => new MatchTarget(tag, attribute.Kind, column) { OwnerKey = owner },
                _ => new MatchTarget(tag, attribute.Kind, column),
            };
        }
        var extra = options.ExtraTags.FirstOrDefault(e => e.Tag == tag);
        if (extra is null || extra.Level > level) return null;
        // Extra tags are kept as text: integers and person names match as text (exact or wildcard).
        var kind = IndexedAttributes.KindOf(tag) is MatchKind.Integer or MatchKind.PersonName ? MatchKind.Text : IndexedAttributes.KindOf(tag);
        return new MatchTarget(tag, kind, "xv.value") { OwnerKey = $"{SqlNames.Alias(extra.Level)}.{SqlNames.Key(extra.Level)}", Extra = extra };
    }
}
