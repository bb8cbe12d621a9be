namespace PacsEdge.Dicom.Codecs.Rle;

/// <summary>RLE Lossless (1.2.840.10008.1.2.5) as a registered codec, both directions.</summary>
public sealed class RleCodec : IPixelDataCodec, IPixelDataEncoder
{
    public TransferSyntax TransferSyntax => TransferSyntax.RleLossless;

    public DecodedFrame DecodeFrame(ReadOnlySpan<byte> encoded, PixelFrameInfo info) => new(RleDecoder.Decode(encoded, info), info);

    public byte[] EncodeFrame(ReadOnlySpan<byte> native, PixelFrameInfo info) => RleEncoder.Encode(native, info);
}
