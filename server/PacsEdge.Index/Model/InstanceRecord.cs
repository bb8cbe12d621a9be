using PacsEdge.Dicom;

namespace PacsEdge.Index.Model;

/// <summary>
/// What the index keeps of one stored instance: its attribute values in DICOM string form (multiple values
/// joined by '\', person names as decoded text, dates YYYYMMDD, numbers as decimal text) and where its bytes are.
/// Build it with <see cref="InstanceRecordFactory.FromDataset"/>.
/// </summary>
public sealed record InstanceRecord
{
    public required string StudyInstanceUid { get; init; }
    public required string SeriesInstanceUid { get; init; }
    public required string SopInstanceUid { get; init; }

    /// <summary>Values of the indexed attributes (<see cref="Schema.IndexedAttributes"/>) and of the configured extra tags.</summary>
    public required IReadOnlyDictionary<DicomTag, string> Attributes { get; init; }

    /// <summary>The blob store's key (or path relative to the data directory) of the stored file.</summary>
    public required string BlobKey { get; init; }
    public required long SizeBytes { get; init; }
    /// <summary>SHA-256 of the stored file, lower-case hex (64 characters).</summary>
    public required string Sha256 { get; init; }
    public required string TransferSyntaxUid { get; init; }
    /// <summary>The AE title the instance can be retrieved from (RetrieveAETitle); null when the caller fills it from configuration.</summary>
    public string? RetrieveAETitle { get; init; }
}
