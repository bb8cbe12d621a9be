using PacsEdge.Dicom;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>The media type of a frame in its stored, compressed form (PS3.18 8.7.3.3.2, Table 8.7.3-5).</summary>
internal static class FrameMediaTypes
{
    public const string Jpeg = "image/jpeg";
    public const string JpegLs = "image/jls";
    public const string Jpeg2000 = "image/jp2";
    public const string Jpeg2000Part2 = "image/jpx";
    public const string HtJpeg2000 = "image/jphc";
    public const string Rle = "image/dicom-rle";
    public const string Mpeg2 = "video/mpeg";
    public const string Mp4 = "video/mp4";
    public const string H265 = "video/H265";

    /// <summary>The media type of an encapsulated frame of <paramref name="transferSyntaxUid"/>; application/octet-stream for unknown syntaxes.</summary>
    public static string ForStoredForm(string transferSyntaxUid) => transferSyntaxUid switch
    {
        "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51" or "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70" => Jpeg,
        "1.2.840.10008.1.2.4.80" or "1.2.840.10008.1.2.4.81" => JpegLs,
        "1.2.840.10008.1.2.4.90" or "1.2.840.10008.1.2.4.91" => Jpeg2000,
        "1.2.840.10008.1.2.4.92" or "1.2.840.10008.1.2.4.93" => Jpeg2000Part2,
        "1.2.840.10008.1.2.4.201" or "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.4.203" => HtJpeg2000,
        "1.2.840.10008.1.2.5" => Rle,
        "1.2.840.10008.1.2.4.100" or "1.2.840.10008.1.2.4.101" => Mpeg2,
        "1.2.840.10008.1.2.4.102" or "1.2.840.10008.1.2.4.103" or "1.2.840.10008.1.2.4.104" or "1.2.840.10008.1.2.4.105" or "1.2.840.10008.1.2.4.106" => Mp4,
        "1.2.840.10008.1.2.4.107" or "1.2.840.10008.1.2.4.108" => H265,
        _ => DicomWebMediaTypes.ApplicationOctetStream,
    };

    /// <summary>Native frames go out as Explicit VR Little Endian bytes whatever the stored encoding (values are little endian once read).</summary>
    public static string NativeTransferSyntax => TransferSyntax.ExplicitVRLittleEndian.Uid;
}
