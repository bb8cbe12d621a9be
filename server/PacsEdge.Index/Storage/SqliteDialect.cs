using System.Globalization;
using System.Text;
using PacsEdge.Index.Matching;

namespace PacsEdge.Index.Storage;

/// <summary>
/// SQLite: wildcards become GLOB patterns, which are case-sensitive (LIKE is not, in SQLite) and use the index
/// for a literal prefix. The characters GLOB treats specially (* ? [) are escaped as one-character classes.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string ProviderName => "Sqlite";
    public override string ExplainPrefix => "EXPLAIN QUERY PLAN ";

    public override string WildcardCondition(string column, string dicomPattern, SqlParameterBag parameters) =>
        $"{column} GLOB {parameters.Add(ToGlob(dicomPattern))}";

    internal static string ToGlob(string dicomPattern)
    {
        var sb = new StringBuilder(dicomPattern.Length + 8);
        foreach (var c in dicomPattern)
            sb.Append(c switch
            {
                '*' => "*",
                '?' => "?",
                '[' => "[[]",
                ']' => "[]]",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    public override DateTimeOffset ReadTimestamp(object value) =>
        DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override object TimestampParameter(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
