using PacsEdge.Dicom.Buffers;

namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// Reads part of a value without loading all of it when the value is still a lazy file range, so one
/// frame of a large multi-frame Pixel Data is read from disk on its own.
/// </summary>
internal static class ByteSourceSlicing
{
    public static ReadOnlyMemory<byte> Slice(IByteSource source, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > source.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range {offset}+{length} outside a {source.Length}-byte value");
        if (source is FileRangeByteSource file && !file.IsLoaded && Aligned(file.SwapUnit, offset, length))
            return new FileRangeByteSource(file.Path, file.Offset + offset, length, file.SwapUnit).Memory;
        return source.Memory.Slice(checked((int)offset), checked((int)length));
    }

    /// <summary>The first bytes of a value (all of it when shorter), for sniffing markers.</summary>
    public static ReadOnlySpan<byte> Prefix(IByteSource source, int count) =>
        Slice(source, 0, Math.Min(count, source.Length)).Span;

    /// <summary>The bytes of several consecutive sources as one buffer; one source is returned without copying.</summary>
    public static ReadOnlyMemory<byte> Concat(IReadOnlyList<IByteSource> sources, int first, int count)
    {
        if (count == 1) return sources[first].Memory;
        long total = 0;
        for (int i = first; i < first + count; i++) total += sources[i].Length;
        var bytes = new byte[checked((int)total)];
        int at = 0;
        for (int i = first; i < first + count; i++)
        {
            sources[i].Memory.Span.CopyTo(bytes.AsSpan(at));
            at += (int)sources[i].Length;
        }
        return bytes;
    }

    // A big-endian file range swaps whole words on load, so a sub-range must start and end on a word.
    private static bool Aligned(int swapUnit, long offset, long length) =>
        swapUnit <= 1 || (offset % swapUnit == 0 && length % swapUnit == 0);
}
