namespace PacsEdge.Server.Storage;

/// <summary>A byte range of a blob: from <see cref="Offset"/>, <see cref="Length"/> bytes or to the end when null.</summary>
public readonly record struct BlobRange(long Offset, long? Length = null);
