using PacsEdge.Dicom.Buffers;

namespace PacsEdge.Dicom.Dataset;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by fragments. Which
/// fragments make up which frame is answered by <see cref="Codecs.FrameLocator"/>, using the basic or
/// extended offset table.
/// </summary>
public sealed class DicomFragmentSequence(DicomTag tag, DicomVR vr) : DicomItem(tag, vr)
{
    /// <summary>The Basic Offset Table item's value (often empty).</summary>
    public IByteSource OffsetTable { get; set; } = MemoryByteSource.Empty;

    public List<IByteSource> Fragments { get; } = [];

    /// <summary>The Basic Offset Table as 32-bit offsets (relative to the first fragment's item tag).</summary>
    public uint[] BasicOffsets()
    {
        var span = OffsetTable.Memory.Span;
        var offsets = new uint[span.Length / 4];
        for (int i = 0; i < offsets.Length; i++)
            offsets[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]);
        return offsets;
    }
}
