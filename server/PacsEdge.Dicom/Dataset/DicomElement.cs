using PacsEdge.Dicom.Buffers;

namespace PacsEdge.Dicom.Dataset;

/// <summary>
/// A data element with a plain value, kept as its raw little-endian bytes (pydicom's RawDataElement):
/// text is decoded, numbers converted, only when a typed accessor asks.
/// </summary>
public sealed class DicomElement(DicomTag tag, DicomVR vr, IByteSource value) : DicomItem(tag, vr)
{
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value) : this(tag, vr, new MemoryByteSource(value)) { }

    public IByteSource Value { get; } = value;

    public long Length => Value.Length;

    /// <summary>The bytes (loads a lazy value).</summary>
    public ReadOnlySpan<byte> Span => Value.Memory.Span;
}
