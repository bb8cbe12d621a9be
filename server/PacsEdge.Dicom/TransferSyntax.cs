using System.Collections.Frozen;

namespace PacsEdge.Dicom;

/// <summary>
/// A transfer syntax (PS3.5 section 10 and PS3.6 Annex A) and how its data set is encoded.
/// Unknown UIDs are treated as Explicit VR Little Endian with encapsulated pixel data, which is what
/// every transfer syntax defined after the first four is.
/// </summary>
public sealed record TransferSyntax(string Uid, string Name, bool IsExplicitVR, bool IsBigEndian, bool IsDeflated, bool IsEncapsulated)
{
    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);
    public static readonly TransferSyntax JpegBaseline = Encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static readonly TransferSyntax JpegExtended = Encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    public static readonly TransferSyntax JpegLossless = Encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    public static readonly TransferSyntax JpegLosslessSV1 = Encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])");
    public static readonly TransferSyntax JpegLSLossless = Encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression");
    public static readonly TransferSyntax JpegLSNearLossless = Encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression");
    public static readonly TransferSyntax Jpeg2000Lossless = Encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
    public static readonly TransferSyntax Jpeg2000 = Encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");
    public static readonly TransferSyntax Jpeg2000Part2Lossless = Encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)");
    public static readonly TransferSyntax Jpeg2000Part2 = Encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression");
    public static readonly TransferSyntax HtJpeg2000Lossless = Encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)");
    public static readonly TransferSyntax HtJpeg2000RpclLossless = Encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)");
    public static readonly TransferSyntax HtJpeg2000 = Encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression");
    public static readonly TransferSyntax Mpeg2 = Encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level");
    public static readonly TransferSyntax Mpeg4 = Encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1");
    public static readonly TransferSyntax Hevc = Encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1");
    public static readonly TransferSyntax RleLossless = Encapsulated("1.2.840.10008.1.2.5", "RLE Lossless");

    private static readonly FrozenDictionary<string, TransferSyntax> Known = new[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian,
        JpegBaseline, JpegExtended, JpegLossless, JpegLosslessSV1, JpegLSLossless, JpegLSNearLossless,
        Jpeg2000Lossless, Jpeg2000, Jpeg2000Part2Lossless, Jpeg2000Part2, HtJpeg2000Lossless,
        HtJpeg2000RpclLossless, HtJpeg2000, Mpeg2, Mpeg4, Hevc, RleLossless,
    }.ToFrozenDictionary(t => t.Uid, StringComparer.Ordinal);

    public static IEnumerable<TransferSyntax> All => Known.Values;

    public bool IsKnown => Known.ContainsKey(Uid);

    /// <summary>The registered syntax for a UID, or an encapsulated Explicit VR LE one named by its UID.</summary>
    public static TransferSyntax FromUid(string uid)
    {
        uid = uid.Trim().TrimEnd('\0', ' ');
        return Known.TryGetValue(uid, out var ts) ? ts : new TransferSyntax(uid, uid, true, false, false, true);
    }

    public override string ToString() => Name;

    private static TransferSyntax Encapsulated(string uid, string name) => new(uid, name, true, false, false, true);
}
