namespace PacsEdge.Dicom.Buffers;

/// <summary>
/// Where a value's bytes live: in memory, or as a range of a file that is read only when asked
/// (so pixel data can stay in the blob store). Values are always little-endian once they are here;
/// a source over a big-endian file swaps when it loads.
/// </summary>
public interface IByteSource
{
    long Length { get; }

    /// <summary>True when <see cref="Memory"/> is available without I/O.</summary>
    bool IsLoaded { get; }

    /// <summary>The bytes, loading them on first use for lazy sources.</summary>
    ReadOnlyMemory<byte> Memory { get; }

    /// <summary>At most the first <paramref name="maxLength"/> bytes, without loading the rest of a lazy value.</summary>
    ReadOnlyMemory<byte> Prefix(int maxLength) => Memory[..(int)Math.Min(maxLength, Length)];

    /// <summary>Writes the bytes to a stream without holding a whole large value in memory where possible.</summary>
    void CopyTo(Stream destination);
}
