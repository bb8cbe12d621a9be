namespace PacsEdge.Dicom.Dictionary;

/// <summary>
/// One PS3.6 row. <see cref="Tag"/> and <see cref="Mask"/> describe which tags it covers:
/// a plain element has mask FFFFFFFF; a repeating one (e.g. 60xx,3000) has zeros where x stands.
/// <see cref="ValueRepresentations"/> lists PS3.6's alternatives in its order ("US or SS"); it is
/// empty for items and delimiters.
/// </summary>
public sealed record DicomDictionaryEntry(
    uint Tag, uint Mask, DicomVR[] ValueRepresentations, string ValueMultiplicity,
    string Keyword, string Name, bool IsRetired)
{
    public DicomVR DefaultVR => ValueRepresentations.Length > 0 ? ValueRepresentations[0] : DicomVR.None;
    public bool Matches(DicomTag tag) => (tag.Value & Mask) == Tag;
}

/// <summary>A private data element known by its creator, as listed in dcmtk's private.dic.</summary>
public sealed record PrivateDictionaryEntry(
    ushort Group, string Creator, byte ElementOffset, DicomVR[] ValueRepresentations,
    string ValueMultiplicity, string Keyword);
