using PacsEdge.Dicom.Buffers;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// The value of an attribute that DICOM JSON gave as a "BulkDataURI" and that nobody resolved while
/// reading (see <see cref="DicomJsonReaderOptions.ResolveBulkData"/>). It keeps the URI, so writing
/// the data set back to JSON points to the same place; asking for its bytes throws.
/// </summary>
public sealed class DicomJsonBulkDataReference(string uri, DicomTagPath path, DicomVR vr) : IByteSource
{
    public string Uri { get; } = uri;

    public DicomTagPath Path { get; } = path;

    public DicomVR VR { get; } = vr;

    /// <summary>Unknown until resolved: 0.</summary>
    public long Length => 0;

    public bool IsLoaded => false;

    public ReadOnlyMemory<byte> Memory => throw Unresolved();

    public void CopyTo(Stream destination) => throw Unresolved();

    private DicomFormatException Unresolved() =>
        new($"bulk data at '{Uri}' was not resolved (set DicomJsonReaderOptions.ResolveBulkData)", -1, Path.Tag);
}
