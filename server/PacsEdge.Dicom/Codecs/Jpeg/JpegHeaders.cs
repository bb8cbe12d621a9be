namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>A frame component (ITU T.81 B.2.2): identifier Ci and sampling factors Hi, Vi.</summary>
internal sealed record JpegComponent(int Id, int H, int V);

/// <summary>The SOF3 frame header (B.2.2): sample precision P, lines Y, samples per line X, components.</summary>
internal sealed record JpegFrameHeader(int Precision, int Lines, int SamplesPerLine, JpegComponent[] Components);

/// <summary>
/// The SOS scan header (B.2.3) as lossless coding uses it (H.2): the components in the scan (index
/// into the frame's components) with their Huffman table, the predictor (Ss) and the point transform (Al).
/// </summary>
internal sealed record JpegScanHeader(int[] ComponentIndexes, int[] TableIds, int Predictor, int PointTransform);
