using PacsEdge.Dicom;

namespace PacsEdge.Index.Matching;

/// <summary>A matching key whose value cannot be matched as its VR requires (e.g. SeriesNumber=abc): a 400 for QIDO-RS.</summary>
public sealed class InvalidMatchValueException(DicomTag tag, string value, string reason)
    : ArgumentException($"{DicomDictionaryKeyword(tag)}={value}: {reason}")
{
    public DicomTag Tag { get; } = tag;
    public string Value { get; } = value;

    private static string DicomDictionaryKeyword(DicomTag tag) => PacsEdge.Dicom.Dictionary.DicomDictionary.KeywordOf(tag);
}
