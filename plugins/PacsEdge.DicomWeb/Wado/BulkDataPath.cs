using System.Globalization;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// The tail of a BulkDataURI as <see cref="PacsEdge.Dicom.Json.DicomTagPath.ToUriPath"/> writes it:
/// "GGGGEEEE" at the top level, "SSSSSSSS/item/GGGGEEEE" inside a sequence's item (0-based), nested as deep as needed.
/// </summary>
internal static class BulkDataPath
{
    public static (IReadOnlyList<(DicomTag Sequence, int Item)> Steps, DicomTag Tag) Parse(string text)
    {
        var parts = text.Trim('/').Split('/');
        if (parts.Length % 2 == 0 || parts.Length > 2 * 64 + 1) throw Malformed(text);
        var steps = new List<(DicomTag, int)>();
        for (int i = 0; i + 1 < parts.Length; i += 2)
            steps.Add((ParseTag(parts[i], text), ParseItem(parts[i + 1], text)));
        return (steps, ParseTag(parts[^1], text));
    }

    /// <summary>The item at the path, or null when a sequence, an item or the attribute is not there.</summary>
    public static DicomItem? Find(DicomDataset dataset, IReadOnlyList<(DicomTag Sequence, int Item)> steps, DicomTag tag)
    {
        foreach (var (sequence, item) in steps)
        {
            if (dataset.Get(sequence) is not DicomSequence sq || item >= sq.Items.Count) return null;
            dataset = sq.Items[item];
        }
        return dataset.Get(tag);
    }

    private static DicomTag ParseTag(string s, string text) =>
        s.Length == 8 && uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? new DicomTag(v) : throw Malformed(text);

    private static int ParseItem(string s, string text) =>
        s.Length is > 0 and <= 9 && s.All(char.IsAsciiDigit) ? int.Parse(s, CultureInfo.InvariantCulture) : throw Malformed(text);

    private static PacsEdgeException Malformed(string text) =>
        new(ErrorCode.InvalidParameter, $"'{(text.Length > 80 ? text[..80] + "..." : text)}' is not a bulk data path (GGGGEEEE, or sequence/item/.../GGGGEEEE).");
}
