namespace PacsEdge.Index.Model;

/// <summary>Where an indexed instance's bytes are, and what they are.</summary>
public sealed record StoredInstance(
    HierarchyPath Path, string SopClassUid, string BlobKey, long SizeBytes, string Sha256,
    string TransferSyntaxUid, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
