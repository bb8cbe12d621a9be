namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// Where one frame lives in encapsulated Pixel Data: <paramref name="Count"/> fragments from index
/// <paramref name="First"/> (0 = the first fragment after the Basic Offset Table item), of which the
/// first <paramref name="Length"/> bytes belong to the frame (-1: all of them; the Extended Offset
/// Table Lengths can exclude fragment padding).
/// </summary>
public readonly record struct FrameFragments(int First, int Count, long Length = -1);
