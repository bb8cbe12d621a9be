namespace PacsEdge.Server.Storage;

/// <summary>
/// blobs/ab/cd/abcd…(64 hex digits): two levels of two hex digits keep any folder under ~65k entries even at
/// billions of blobs. Built only from a validated <see cref="BlobKey"/>, so the path is always under the root.
/// </summary>
public sealed class BlobPaths(string blobsRoot, string tmpRoot)
{
    public string BlobsRoot { get; } = Path.GetFullPath(blobsRoot);
    public string TmpRoot { get; } = Path.GetFullPath(tmpRoot);

    public string FileOf(BlobKey key) => Path.Combine(BlobsRoot, key.Value[..2], key.Value[2..4], key.Value);

    public string NewTempFile() => Path.Combine(TmpRoot, Guid.NewGuid().ToString("N") + ".tmp");
}
