using Dapper;

namespace PacsEdge.Index.Matching;

/// <summary>Names parameters p0, p1, ... as a query is built, so user input never reaches the SQL text.</summary>
internal sealed class SqlParameterBag
{
    public DynamicParameters Parameters { get; } = new();
    private int _next;

    /// <summary>Adds a value and returns its placeholder ("@p3").</summary>
    public string Add(object? value)
    {
        var name = "p" + _next++;
        Parameters.Add(name, value);
        return "@" + name;
    }
}
