using PacsEdge.Index.Matching;

namespace PacsEdge.Index.Storage;

/// <summary>What differs between the providers' SQL; everything else is shared text.</summary>
internal abstract class SqlDialect
{
    public abstract string ProviderName { get; }

    /// <summary>A case-sensitive DICOM wildcard match (* any run, ? one character) of <paramref name="column"/>.</summary>
    public abstract string WildcardCondition(string column, string dicomPattern, SqlParameterBag parameters);

    /// <summary>The statement that shows the plan of <paramref name="sql"/>.</summary>
    public abstract string ExplainPrefix { get; }

    /// <summary>A timestamp as the database returns it (SQLite: text; PostgreSQL: a UTC DateTime).</summary>
    public abstract DateTimeOffset ReadTimestamp(object value);

    /// <summary>A timestamp parameter as the column type wants it.</summary>
    public abstract object TimestampParameter(DateTimeOffset value);
}
