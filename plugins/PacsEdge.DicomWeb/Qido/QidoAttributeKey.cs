using System.Globalization;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// An attribute named in a QIDO-RS request (PS3.18 8.3.4.1 {attributeID}): a keyword ("PatientID"), a tag as eight
/// hex digits ("00100020", what OHIF sends), or a dotted sequence path ("RequestAttributesSequence.RequestedProcedureID").
/// </summary>
internal readonly record struct QidoAttributeKey(DicomTag Tag, bool IsSequencePath, string Text)
{
    /// <summary>False when <paramref name="text"/> names no attribute: an unknown keyword or malformed tag (a 400).</summary>
    public static bool TryParse(string text, out QidoAttributeKey key)
    {
        key = default;
        var parts = text.Split('.');
        DicomTag first = default;
        foreach (var (part, i) in parts.Select((p, i) => (p, i)))
        {
            if (!TryParseOne(part, out var tag)) return false;
            if (i == 0) first = tag;
        }
        key = new QidoAttributeKey(first, parts.Length > 1, text);
        return true;
    }

    private static bool TryParseOne(string text, out DicomTag tag)
    {
        tag = default;
        if (text.Length == 8 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            tag = new DicomTag(value);
            return true;
        }
        // Keywords are case-sensitive (PS3.6); repeating-group keywords have no single tag, so they are not accepted.
        if (DicomDictionary.TryGetByKeyword(text, out var entry) && entry.Mask == 0xFFFFFFFF)
        {
            tag = new DicomTag(entry.Tag);
            return true;
        }
        return false;
    }

    /// <summary>The keyword, or the hex tag when the dictionary has none (private tags).</summary>
    public static string Describe(DicomTag tag)
    {
        var keyword = DicomDictionary.KeywordOf(tag);
        return keyword.Length > 0 ? keyword : tag.ToHex();
    }
}
