namespace PacsEdge.Dicom.Buffers;

/// <summary>Bytes already in memory (possibly a slice of a larger buffer, never copied).</summary>
public sealed class MemoryByteSource(ReadOnlyMemory<byte> memory) : IByteSource
{
    public static readonly MemoryByteSource Empty = new(ReadOnlyMemory<byte>.Empty);

    public long Length => memory.Length;
    public bool IsLoaded => true;
    public ReadOnlyMemory<byte> Memory => memory;
    public void CopyTo(Stream destination) => destination.Write(memory.Span);
}
