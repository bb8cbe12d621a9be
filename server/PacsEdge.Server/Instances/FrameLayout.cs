using PacsEdge.Dicom;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Server.Instances;

/// <summary>A run of bytes in a stored file.</summary>
internal readonly record struct FileRange(long Offset, long Length);

/// <summary>
/// Where the frames of one stored file lie in it, worked out once from a parse so later frame reads go straight to
/// the bytes. <see cref="Streamable"/> is false when a frame is not a plain run of file bytes (pixel data small
/// enough to be parsed into memory, big-endian words that must be swapped, packed 1-bit frames starting mid-byte,
/// deflated files): those frames take the parsing path.
/// </summary>
internal sealed class FrameLayout
{
    private readonly long _nativeStart;
    private readonly long _nativeFrameLength;
    private readonly FileRange[][]? _encapsulated;

    private FrameLayout(TransferSyntax syntax, int frameCount, bool streamable, long nativeStart, long nativeFrameLength, FileRange[][]? encapsulated)
    {
        TransferSyntax = syntax;
        FrameCount = frameCount;
        Streamable = streamable;
        _nativeStart = nativeStart;
        _nativeFrameLength = nativeFrameLength;
        _encapsulated = encapsulated;
    }

    public TransferSyntax TransferSyntax { get; }
    public int FrameCount { get; }
    public bool Streamable { get; }

    /// <summary>What the layout costs a size-bounded cache: one unit plus one per encapsulated range.</summary>
    public long Weight => 1 + (_encapsulated?.Sum(f => (long)f.Length) ?? 0);

    /// <summary>The file ranges of frame <paramref name="frameIndex"/> (0-based), in order. Only when <see cref="Streamable"/>.</summary>
    public FileRange[] RangesOf(int frameIndex)
    {
        if (!Streamable) throw new InvalidOperationException("the frames of this file are not plain file ranges");
        return _encapsulated is not null
            ? _encapsulated[frameIndex]
            : [new FileRange(_nativeStart + _nativeFrameLength * frameIndex, _nativeFrameLength)];
    }

    /// <summary>The layout of a file parsed with lazy pixel data (throws <see cref="DicomFormatException"/> like <see cref="FrameLocator"/>).</summary>
    public static FrameLayout Of(DicomFile file)
    {
        var dataset = file.Dataset;
        var syntax = file.TransferSyntax;
        int count = FrameLocator.FrameCount(dataset);
        var item = dataset.Get(DicomTags.PixelData) ?? dataset.Get(DicomTags.FloatPixelData) ?? dataset.Get(DicomTags.DoubleFloatPixelData);
        if (item is DicomFragmentSequence fragments)
            return Encapsulated(dataset, fragments, syntax, count);
        if (item is DicomElement { Value: FileRangeByteSource { IsLoaded: false, SwapUnit: <= 1 } range } && !syntax.IsEncapsulated)
        {
            var info = PixelFrameInfo.FromDataset(dataset);
            // A frame must start on a byte and the value must hold every frame, or the parsing path reports why not.
            if (info.FrameLengthInBits % 8 == 0 && info.FrameLength * count <= range.Length)
                return new FrameLayout(syntax, count, true, range.Offset, info.FrameLength, null);
        }
        return NotStreamable(syntax, count);
    }

    private static FrameLayout Encapsulated(DicomDataset dataset, DicomFragmentSequence pixelData, TransferSyntax syntax, int count)
    {
        var map = EncapsulatedFrameMap.Build(dataset, pixelData, syntax, count);
        var frames = new FileRange[count][];
        for (int f = 0; f < count; f++)
        {
            var where = map[f];
            long left = where.Length >= 0 ? where.Length : long.MaxValue;
            var ranges = new List<FileRange>(where.Count);
            for (int i = where.First; i < where.First + where.Count && left > 0; i++)
            {
                if (pixelData.Fragments[i] is not FileRangeByteSource { IsLoaded: false, SwapUnit: <= 1 } fragment)
                    return NotStreamable(syntax, count);
                long take = Math.Min(fragment.Length, left);
                ranges.Add(new FileRange(fragment.Offset, take));
                left -= take;
            }
            frames[f] = [.. ranges];
        }
        return new FrameLayout(syntax, count, true, 0, 0, frames);
    }

    private static FrameLayout NotStreamable(TransferSyntax syntax, int count) => new(syntax, count, false, 0, 0, null);
}
