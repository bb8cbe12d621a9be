using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// One frame of a data set's pixel data as native little-endian bytes, whatever the transfer syntax:
/// native frames are returned as stored, encapsulated ones go through the registered codec.
/// </summary>
public static class PixelDataDecoder
{
    /// <summary>The frame's native bytes (see <see cref="Decode"/> for their layout).</summary>
    public static byte[] DecodeFrame(DicomDataset dataset, TransferSyntax syntax, int frameIndex, PixelDataCodecRegistry? registry = null) =>
        Decode(dataset, syntax, frameIndex, registry).Bytes;

    /// <summary>
    /// The frame's native bytes and their layout. Encapsulated syntaxes without a codec throw
    /// <see cref="DicomCodecNotSupportedException"/>; corrupt data throws <see cref="DicomFormatException"/>.
    /// </summary>
    public static DecodedFrame Decode(DicomDataset dataset, TransferSyntax syntax, int frameIndex, PixelDataCodecRegistry? registry = null)
    {
        var info = PixelFrameInfo.FromDataset(dataset);
        if (!syntax.IsEncapsulated || FrameLocator.PixelDataItem(dataset) is not DicomFragmentSequence)
            return new DecodedFrame(FrameLocator.GetFrame(dataset, syntax, frameIndex).ToArray(), info);
        var codec = (registry ?? PixelDataCodecRegistry.Default).GetDecoder(syntax); // before any I/O: unsupported is not corrupt
        var encoded = FrameLocator.GetFrame(dataset, syntax, frameIndex);
        try
        {
            return codec.DecodeFrame(encoded.Span, info);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // A codec bug on crafted input must still surface as "corrupt data", never as a crash.
            throw new DicomFormatException($"{syntax.Name} frame {frameIndex + 1} could not be decoded: {e.Message}", -1, DicomTags.PixelData, e);
        }
    }
}
