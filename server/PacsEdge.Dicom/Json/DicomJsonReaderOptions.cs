using PacsEdge.Dicom.Buffers;

namespace PacsEdge.Dicom.Json;

/// <summary>Options of <see cref="DicomJsonReader"/>.</summary>
public sealed record DicomJsonReaderOptions
{
    public static readonly DicomJsonReaderOptions Default = new();

    /// <summary>
    /// Fetches the bytes a "BulkDataURI" points to (little-endian value bytes, as InlineBinary would
    /// hold them). Returning null, or leaving this unset, keeps the attribute as a
    /// <see cref="DicomJsonBulkDataReference"/> for the caller to resolve later.
    /// </summary>
    public Func<DicomJsonBulkDataReference, IByteSource?>? ResolveBulkData { get; init; }

    /// <summary>Deepest nesting of sequences accepted (guards against crafted input).</summary>
    public int MaxSequenceDepth { get; init; } = 64;
}
