using System.Text.Json.Nodes;

namespace PacsEdge.Interop.Tests;

/// <summary>
/// Reads attribute values from DICOM JSON (PS3.18 F: "Value" arrays, PN as {"Alphabetic": ...}) and from the
/// flattened form Orthanc's QIDO client returns ("Value" a plain string, multiple values joined by '\').
/// </summary>
public static class OrthancJson
{
    /// <summary>The values of <paramref name="tag"/> (8 hex digits) joined by '\'; "" when absent or empty.</summary>
    public static string ValueOf(JsonNode dataset, string tag)
    {
        var value = dataset[tag]?["Value"];
        return value switch
        {
            null => "",
            JsonArray values => string.Join('\\', values.Select(Text)),
            _ => Text(value),
        };
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonObject pn => (string?)pn["Alphabetic"] ?? "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static string[] ValuesOf(IEnumerable<JsonNode?> datasets, string tag) => [.. datasets.Select(d => ValueOf(d!, tag))];
}
