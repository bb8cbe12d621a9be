using System.Collections.Concurrent;
using PacsEdge.Dicom.Codecs.Jpeg;
using PacsEdge.Dicom.Codecs.Rle;

namespace PacsEdge.Dicom.Codecs;

/// <summary>Codecs by transfer syntax UID. <see cref="Default"/> holds the ones PacsEdge ships.</summary>
public sealed class PixelDataCodecRegistry
{
    private readonly ConcurrentDictionary<string, IPixelDataCodec> _decoders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPixelDataEncoder> _encoders = new(StringComparer.Ordinal);

    /// <summary>RLE Lossless (decode and encode) and JPEG Lossless Process 14, both syntaxes (decode).</summary>
    public static PixelDataCodecRegistry Default { get; } = CreateDefault();

    public static PixelDataCodecRegistry CreateDefault()
    {
        var registry = new PixelDataCodecRegistry();
        var rle = new RleCodec();
        registry.Register((IPixelDataCodec)rle);
        registry.Register((IPixelDataEncoder)rle);
        registry.Register(new JpegLosslessCodec(TransferSyntax.JpegLossless));
        registry.Register(new JpegLosslessCodec(TransferSyntax.JpegLosslessSV1));
        return registry;
    }

    public void Register(IPixelDataCodec codec) => _decoders[codec.TransferSyntax.Uid] = codec;

    public void Register(IPixelDataEncoder encoder) => _encoders[encoder.TransferSyntax.Uid] = encoder;

    public bool TryGetDecoder(string transferSyntaxUid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPixelDataCodec? codec) =>
        _decoders.TryGetValue(transferSyntaxUid, out codec);

    /// <summary>The decoder for a syntax, or <see cref="DicomCodecNotSupportedException"/> naming it.</summary>
    public IPixelDataCodec GetDecoder(TransferSyntax syntax) =>
        _decoders.TryGetValue(syntax.Uid, out var codec) ? codec : throw new DicomCodecNotSupportedException(syntax, "cannot decode");

    public IPixelDataEncoder GetEncoder(TransferSyntax syntax) =>
        _encoders.TryGetValue(syntax.Uid, out var encoder) ? encoder : throw new DicomCodecNotSupportedException(syntax, "cannot encode");

    public bool CanDecode(TransferSyntax syntax) => !syntax.IsEncapsulated || _decoders.ContainsKey(syntax.Uid);
}
