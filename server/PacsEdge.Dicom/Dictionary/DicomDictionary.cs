using System.Collections.Frozen;

namespace PacsEdge.Dicom.Dictionary;

/// <summary>
/// Look-ups in the generated PS3.6 dictionary (one source: generate_dictionary.py and its output).
/// Exact tags go through a frozen hash map; repeating groups fall back to a short masked scan.
/// </summary>
public static class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag =
        DicomDictionaryData.Standard.ToFrozenDictionary(e => e.Tag);

    private static readonly FrozenDictionary<string, DicomDictionaryEntry> ByKeyword =
        DicomDictionaryData.Standard.Concat(DicomDictionaryData.Repeating)
            .Where(e => e.Keyword.Length > 0)
            .GroupBy(e => e.Keyword, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<(ushort, string, byte), PrivateDictionaryEntry> Private =
        DicomDictionaryData.Private.ToFrozenDictionary(e => (e.Group, e.Creator, e.ElementOffset));

    public static string Source => DicomDictionaryData.Source;
    public static string Edition => DicomDictionaryData.Edition;
    public static int Count => ByTag.Count + DicomDictionaryData.Repeating.Length;

    /// <summary>The standard entry for a tag (exact or repeating group); none for private tags.</summary>
    public static bool TryGetEntry(DicomTag tag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DicomDictionaryEntry? entry)
    {
        if (ByTag.TryGetValue(tag.Value, out entry)) return true;
        entry = null;
        if (tag.IsPrivate) return false;
        foreach (var e in DicomDictionaryData.Repeating)
        {
            // Repeating groups (50xx, 60xx) are even groups only, as PS3.5 7.6 defines them.
            if (e.Matches(tag)) { entry = e; return true; }
        }
        return false;
    }

    public static bool TryGetByKeyword(string keyword, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DicomDictionaryEntry? entry) =>
        ByKeyword.TryGetValue(keyword, out entry);

    /// <summary>A private element's entry, given the creator that reserved its block.</summary>
    public static bool TryGetPrivateEntry(DicomTag tag, string creator, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PrivateDictionaryEntry? entry) =>
        Private.TryGetValue((tag.Group, creator, (byte)tag.Element), out entry);

    /// <summary>The keyword of a tag, "" when unknown (private creators answer "PrivateCreator").</summary>
    public static string KeywordOf(DicomTag tag)
    {
        if (TryGetEntry(tag, out var e)) return e.Keyword;
        if (tag.IsPrivateCreator) return "PrivateCreator";
        if (tag.IsGroupLength) return "GenericGroupLength";
        return "";
    }

    /// <summary>
    /// The VR an implicit-VR stream implies for a tag: the dictionary's first choice, LO for private
    /// creators, UL for group lengths, UN when nothing is known. Ambiguous VRs are resolved by the reader.
    /// </summary>
    public static DicomVR ImplicitVR(DicomTag tag, string? privateCreator = null)
    {
        if (tag.IsPrivateCreator) return DicomVR.LO;
        if (tag.IsGroupLength) return DicomVR.UL;
        if (tag.IsPrivate)
            return privateCreator is not null && TryGetPrivateEntry(tag, privateCreator, out var p) && p.ValueRepresentations.Length > 0
                ? p.ValueRepresentations[0] : DicomVR.UN;
        return TryGetEntry(tag, out var e) ? e.DefaultVR : DicomVR.UN;
    }
}
