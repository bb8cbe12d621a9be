using PacsEdge.Index.Model;

namespace PacsEdge.Index.Schema;

/// <summary>Table names, aliases and key columns of the four levels, one place for the SQL builders.</summary>
internal static class SqlNames
{
    public static string Table(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "patient",
        QueryLevel.Study => "study",
        QueryLevel.Series => "series",
        _ => "instance",
    };

    public static string Alias(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "p",
        QueryLevel.Study => "st",
        QueryLevel.Series => "se",
        _ => "i",
    };

    public static string Key(QueryLevel level) => Table(level) + "_key";
}
