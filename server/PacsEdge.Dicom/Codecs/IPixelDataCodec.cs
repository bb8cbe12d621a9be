namespace PacsEdge.Dicom.Codecs;

/// <summary>Decodes the frames of one encapsulated transfer syntax to native little-endian bytes.</summary>
public interface IPixelDataCodec
{
    TransferSyntax TransferSyntax { get; }

    /// <summary>
    /// Decodes one frame (all its fragments concatenated). Corrupt data throws
    /// <see cref="DicomFormatException"/>; nothing else escapes for bad input.
    /// </summary>
    DecodedFrame DecodeFrame(ReadOnlySpan<byte> encoded, PixelFrameInfo info);
}

/// <summary>Encodes native frames into one encapsulated transfer syntax.</summary>
public interface IPixelDataEncoder
{
    TransferSyntax TransferSyntax { get; }

    /// <summary>Encodes one native little-endian frame (<see cref="PixelFrameInfo.FrameLength"/> bytes).</summary>
    byte[] EncodeFrame(ReadOnlySpan<byte> native, PixelFrameInfo info);
}

/// <summary>
/// A decoded frame and its layout. The layout can differ from the encapsulated data set's: JPEG
/// output has 8 or 16 bits allocated by the JPEG sample precision, as dcmdjpeg writes it.
/// </summary>
public sealed record DecodedFrame(byte[] Bytes, PixelFrameInfo Info);
