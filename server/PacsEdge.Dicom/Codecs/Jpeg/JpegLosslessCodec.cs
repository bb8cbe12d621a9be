namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>
/// JPEG Lossless, Process 14 (1.2.840.10008.1.2.4.57, any predictor) and its Selection Value 1
/// profile (1.2.840.10008.1.2.4.70) as a registered codec. Output follows dcmdjpeg: 1 byte per
/// sample for a JPEG precision up to 8, else 2 (little-endian), and colour-by-pixel except where
/// dcmtk's DJCodecDecoder::requiresPlanarConfiguration asks for colour-by-plane (Hardcopy Color
/// Image; Ultrasound images in YBR_FULL).
/// </summary>
public sealed class JpegLosslessCodec(TransferSyntax transferSyntax) : IPixelDataCodec
{
    private const string HardcopyColorImageStorage = "1.2.840.10008.5.1.1.30";
    private const string UltrasoundImageStorage = "1.2.840.10008.5.1.4.1.1.6.1";
    private const string UltrasoundMultiFrameImageStorage = "1.2.840.10008.5.1.4.1.1.3.1";

    public TransferSyntax TransferSyntax { get; } = transferSyntax;

    public DecodedFrame DecodeFrame(ReadOnlySpan<byte> encoded, PixelFrameInfo info)
    {
        long maxSamples = (long)info.Rows * info.Columns * info.SamplesPerPixel;
        var image = JpegLosslessDecoder.Decode(encoded, (int)Math.Min(maxSamples, int.MaxValue));
        var frame = image.Frame;
        if (frame.SamplesPerLine != info.Columns || frame.Lines != info.Rows || frame.Components.Length != info.SamplesPerPixel)
            throw new DicomFormatException(
                $"JPEG frame is {frame.SamplesPerLine} x {frame.Lines} x {frame.Components.Length}, the data set says {info.Columns} x {info.Rows} x {info.SamplesPerPixel}", -1, DicomTags.PixelData);

        int bytesPerSample = frame.Precision > 8 ? 2 : 1;
        bool planar = info.SamplesPerPixel > 1 && RequiresColorByPlane(info);
        var bytes = Interleave(image.Planes, bytesPerSample, planar);
        var layout = info with
        {
            BitsAllocated = bytesPerSample * 8,
            BitsStored = Math.Min(info.BitsStored, frame.Precision),
            PlanarConfiguration = planar ? 1 : 0,
        };
        return new DecodedFrame(bytes, layout);
    }

    private static bool RequiresColorByPlane(PixelFrameInfo info) =>
        info.SopClassUid == HardcopyColorImageStorage
        || (info.PhotometricInterpretation == "YBR_FULL" && info.SopClassUid is UltrasoundImageStorage or UltrasoundMultiFrameImageStorage);

    private static byte[] Interleave(ushort[][] planes, int bytesPerSample, bool planar)
    {
        int pixels = planes[0].Length, components = planes.Length;
        var bytes = new byte[(long)pixels * components * bytesPerSample];
        for (int c = 0; c < components; c++)
        {
            var plane = planes[c];
            int start = planar ? c * pixels : c, stride = planar ? 1 : components;
            for (int p = 0, s = start; p < pixels; p++, s += stride)
            {
                if (bytesPerSample == 1) bytes[s] = (byte)plane[p];
                else
                {
                    bytes[2 * s] = (byte)plane[p];
                    bytes[2 * s + 1] = (byte)(plane[p] >> 8);
                }
            }
        }
        return bytes;
    }
}
