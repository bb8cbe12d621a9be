using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Configuration;

namespace PacsEdge.Server.Indexing;

/// <summary>Turns Index:ExtraTags into <see cref="IndexOptions"/>; a wrong entry stops start-up with the reason (InvalidConfiguration).</summary>
public static class ExtraTagsConfiguration
{
    public static IndexOptions ToIndexOptions(IReadOnlyList<ExtraTagOptions> entries)
    {
        var tags = new List<ExtraTag>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"Index:ExtraTags:{i}";
            var tag = ParseTag(entry.Tag.Trim()) ?? throw Invalid($"{where}:Tag '{entry.Tag}' is not a DICOM keyword or tag (GGGGEEEE)");
            if (!Enum.TryParse<QueryLevel>(entry.Level.Trim(), ignoreCase: true, out var level) || !Enum.IsDefined(level) || entry.Level.Trim().All(char.IsAsciiDigit))
                throw Invalid($"{where}:Level '{entry.Level}' is not one of Patient, Study, Series, Instance");
            if (IndexedAttributes.TryGet(tag, out var indexed))
                throw Invalid($"{where}: {Name(tag)} is indexed already (at the {indexed.Level} level)");
            var vr = DicomDictionary.TryGetEntry(tag, out var e) ? e.DefaultVR : DicomVR.UN;
            if (vr is DicomVR.SQ or DicomVR.None || vr.IsBulkBinary())
                throw Invalid($"{where}: {Name(tag)} has VR {vr}; only attributes with text or number values can be indexed");
            if (tags.Any(t => t.Tag == tag)) throw Invalid($"{where}: {Name(tag)} is listed twice");
            tags.Add(new ExtraTag(tag, level));
        }
        return new IndexOptions { ExtraTags = tags };
    }

    private static DicomTag? ParseTag(string text)
    {
        if (text.Length == 8 && DicomTag.TryParse(text, out var tag)) return tag;
        return DicomDictionary.TryGetByKeyword(text, out var entry) && entry.Mask == 0xFFFFFFFF ? new DicomTag(entry.Tag) : null;
    }

    private static string Name(DicomTag tag) => DicomDictionary.KeywordOf(tag) is { Length: > 0 } k ? k : tag.ToHex();

    private static PacsEdgeException Invalid(string detail) => new(ErrorCode.InvalidConfiguration, detail);
}
