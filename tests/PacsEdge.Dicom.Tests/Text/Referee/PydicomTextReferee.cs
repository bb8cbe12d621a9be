using System.Text.Json;

namespace PacsEdge.Dicom.Tests.Text.Referee;

/// <summary>One string element as pydicom 2.3.1 decodes it: path "gggggggg[/item/gggggggg...]", VR, values.</summary>
public sealed record RefereeElement(string Path, string VR, string[] Values);

/// <summary>
/// Runs pydicom_text_values.py (next to this file) with /usr/bin/python3 over a set of files, once,
/// and keeps the answer: pydicom is the referee for decoded text because dcmtk's iconv build
/// cannot decode ISO 2022 IR 87.
/// </summary>
public static class PydicomTextReferee
{
    /// <summary>Per file: the elements, or pydicom's error message.</summary>
    public static Dictionary<string, (RefereeElement[]? Elements, string? Error)> Run(IReadOnlyList<string> paths)
    {
        var output = PythonReferee.Run("pydicom_text_values.py", paths);
        var result = new Dictionary<string, (RefereeElement[]?, string?)>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(output);
        foreach (var file in json.RootElement.EnumerateObject())
        {
            if (file.Value.TryGetProperty("error", out var error)) { result[file.Name] = (null, error.GetString()); continue; }
            var elements = file.Value.GetProperty("elements").EnumerateArray().Select(e => new RefereeElement(
                e.GetProperty("path").GetString()!,
                e.GetProperty("vr").GetString()!,
                e.GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? "").ToArray())).ToArray();
            result[file.Name] = (elements, null);
        }
        return result;
    }
}
