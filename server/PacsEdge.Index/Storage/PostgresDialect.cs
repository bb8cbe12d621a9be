using System.Text;
using PacsEdge.Index.Matching;

namespace PacsEdge.Index.Storage;

/// <summary>
/// PostgreSQL: wildcards become LIKE patterns with '\' as the escape character, so '%', '_' and '\' in the
/// query value match themselves. Columns are COLLATE "C", so the literal-prefix range added by the matcher
/// uses the btree index.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string ProviderName => "Postgres";
    public override string ExplainPrefix => "EXPLAIN ";

    public override string WildcardCondition(string column, string dicomPattern, SqlParameterBag parameters) =>
        $"{column} LIKE {parameters.Add(ToLike(dicomPattern))} ESCAPE '\\'";

    internal static string ToLike(string dicomPattern)
    {
        var sb = new StringBuilder(dicomPattern.Length + 8);
        foreach (var c in dicomPattern)
            sb.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' => "\\%",
                '_' => "\\_",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    public override DateTimeOffset ReadTimestamp(object value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        _ => throw new InvalidCastException($"unexpected timestamp {value.GetType()}"),
    };

    public override object TimestampParameter(DateTimeOffset value) => value.UtcDateTime;
}
