namespace PacsEdge.Dicom.Dump;

/// <summary>
/// The transfer syntax names dcmdump prints in its "# Used TransferSyntax:" lines. They are dcmtk's
/// own wording (not PS3.6's), read off dcmdump 3.6.7 output for a file in each syntax. A UID dcmtk
/// does not know is read by detection, and dcmdump then names the encoding it detected.
/// </summary>
internal static class DumpTransferSyntaxNames
{
    public const string Unknown = "Unknown Transfer Syntax";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2"] = "Little Endian Implicit",
        ["1.2.840.10008.1.2.1"] = "Little Endian Explicit",
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Big Endian Explicit",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended, Process 2+4",
        ["1.2.840.10008.1.2.4.52"] = "JPEG Extended, Process 3+5",
        ["1.2.840.10008.1.2.4.53"] = "JPEG Spectral Selection, Non-hierarchical, Process 6+8",
        ["1.2.840.10008.1.2.4.54"] = "JPEG Spectral Selection, Non-hierarchical, Process 7+9",
        ["1.2.840.10008.1.2.4.55"] = "JPEG Full Progression, Non-hierarchical, Process 10+12",
        ["1.2.840.10008.1.2.4.56"] = "JPEG Full Progression, Non-hierarchical, Process 11+13",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless, Non-hierarchical, Process 14",
        ["1.2.840.10008.1.2.4.58"] = "JPEG Lossless, Non-hierarchical, Process 15",
        ["1.2.840.10008.1.2.4.59"] = "JPEG Extended, Hierarchical, Process 16+18",
        ["1.2.840.10008.1.2.4.60"] = "JPEG Extended, Hierarchical, Process 17+19",
        ["1.2.840.10008.1.2.4.61"] = "JPEG Spectral Selection, Hierarchical, Process 20+22",
        ["1.2.840.10008.1.2.4.62"] = "JPEG Spectral Selection, Hierarchical, Process 21+23",
        ["1.2.840.10008.1.2.4.63"] = "JPEG Full Progression, Hierarchical, Process 24+26",
        ["1.2.840.10008.1.2.4.64"] = "JPEG Full Progression, Hierarchical, Process 25+27",
        ["1.2.840.10008.1.2.4.65"] = "JPEG Lossless, Hierarchical, Process 28",
        ["1.2.840.10008.1.2.4.66"] = "JPEG Lossless, Hierarchical, Process 29",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless, Non-hierarchical, 1st Order Prediction",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Lossy (Near-lossless)",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 (Lossless only)",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000 (Lossless or Lossy)",
        ["1.2.840.10008.1.2.4.92"] = "JPEG 2000 Part 2 Multicomponent Image Compression (Lossless only)",
        ["1.2.840.10008.1.2.4.93"] = "JPEG 2000 Part 2 Multicomponent Image Compression (Lossless or Lossy)",
        ["1.2.840.10008.1.2.4.94"] = "JPIP Referenced",
        ["1.2.840.10008.1.2.4.100"] = "MPEG2 Main Profile @ Main Level",
        ["1.2.840.10008.1.2.4.101"] = "MPEG2 Main Profile @ High Level",
        ["1.2.840.10008.1.2.4.102"] = "MPEG-4 AVC/H.264 High Profile / Level 4.1",
        ["1.2.840.10008.1.2.4.103"] = "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
        ["1.2.840.10008.1.2.4.104"] = "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
        ["1.2.840.10008.1.2.4.105"] = "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
        ["1.2.840.10008.1.2.4.106"] = "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
        ["1.2.840.10008.1.2.4.107"] = "HEVC/H.265 Main Profile / Level 5.1",
        ["1.2.840.10008.1.2.4.108"] = "HEVC/H.265 Main 10 Profile / Level 5.1",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
    };

    /// <summary>dcmtk's name for the syntax a data set was read in.</summary>
    public static string Of(TransferSyntax syntax) =>
        Names.TryGetValue(syntax.Uid, out var name) ? name
        : syntax.IsBigEndian ? Names["1.2.840.10008.1.2.2"]
        : syntax.IsExplicitVR ? Names["1.2.840.10008.1.2.1"] : Names["1.2.840.10008.1.2"];
}
