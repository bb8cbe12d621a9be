using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// Encoded sizes of items in a given encoding, so defined-length sequences, items and group lengths
/// can be written in one forward pass. Must agree byte for byte with <see cref="DicomDatasetWriter"/>.
/// </summary>
internal static class DicomEncodedLength
{
    public static long Of(DicomItem item, bool explicitVR, SequenceLengthEncoding sequences) => item switch
    {
        DicomElement e => HeaderSize(EffectiveVR(e, explicitVR), explicitVR) + Padded(e.Length),
        DicomSequence s => HeaderSize(DicomVR.SQ, explicitVR) + SequenceContent(s, explicitVR, sequences)
                           + (SequenceUsesUndefined(s, explicitVR, sequences) ? 8 : 0),
        DicomFragmentSequence f => HeaderSize(f.VR, explicitVR) + 8 + Padded(f.OffsetTable.Length)
                                   + f.Fragments.Sum(x => 8 + Padded(x.Length)) + 8,
        _ => throw new ArgumentException($"unknown item type {item.GetType().Name}"),
    };

    /// <summary>Items of a sequence: each 8-byte item header, its data set, and delimiter if undefined.</summary>
    public static long SequenceContent(DicomSequence s, bool explicitVR, SequenceLengthEncoding sequences) =>
        s.Items.Sum(i => 8 + Dataset(i, explicitVR, sequences) + (UsesUndefined(i.UndefinedLength, sequences) ? 8 : 0));

    public static long Dataset(DicomDataset d, bool explicitVR, SequenceLengthEncoding sequences) =>
        d.Sum(i => Of(i, explicitVR, sequences));

    /// <summary>
    /// In implicit VR a reader learns that an element is a sequence only from its dictionary; a private
    /// or unknown sequence is recognisable only by undefined length, so it always gets one (as dcmtk does).
    /// </summary>
    public static bool SequenceUsesUndefined(DicomSequence s, bool explicitVR, SequenceLengthEncoding sequences) =>
        UsesUndefined(s.UndefinedLength, sequences) || (!explicitVR && Dictionary.DicomDictionary.ImplicitVR(s.Tag) != DicomVR.SQ);

    public static long HeaderSize(DicomVR vr, bool explicitVR) => !explicitVR ? 8 : vr.HasLongExplicitLength() ? 12 : 8;

    public static long Padded(long length) => length + (length & 1);

    public static bool UsesUndefined(bool wasUndefined, SequenceLengthEncoding sequences) => sequences switch
    {
        SequenceLengthEncoding.Undefined => true,
        SequenceLengthEncoding.AsRead => wasUndefined,
        _ => false,
    };

    /// <summary>A short-length VR whose value does not fit 16 bits can only be written as UN (as dcmtk does).</summary>
    public static DicomVR EffectiveVR(DicomElement e, bool explicitVR) =>
        explicitVR && !e.VR.HasLongExplicitLength() && Padded(e.Length) > ushort.MaxValue ? DicomVR.UN : e.VR;
}
