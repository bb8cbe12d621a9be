namespace PacsEdge.Dicom.Dataset;

/// <summary>One entry of a data set: a plain element, a sequence, or encapsulated pixel data fragments.</summary>
public abstract class DicomItem(DicomTag tag, DicomVR vr)
{
    public DicomTag Tag { get; } = tag;
    public DicomVR VR { get; } = vr;

    public override string ToString() => $"{Tag} {VR.Code()}";
}
