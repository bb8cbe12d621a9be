namespace PacsEdge.Plugins;

/// <summary>
/// One frame opened for reading (<see cref="IInstanceReader.OpenFrameAsync"/>): how it is encoded and a stream of
/// exactly <see cref="Length"/> bytes, so a handler copies it to the response without holding it whole. Dispose it.
/// </summary>
/// <param name="TransferSyntaxUid">the stored transfer syntax (an encapsulated frame is in that compression)</param>
/// <param name="IsEncapsulated">true when <paramref name="Content"/> is a compressed bitstream</param>
/// <param name="Length">the frame's length in bytes: what <paramref name="Content"/> yields before it ends</param>
/// <param name="Content">read-only, from the frame's first byte; native frames are little endian</param>
public sealed record OpenedFrame(int FrameNumber, int FrameCount, string TransferSyntaxUid, bool IsEncapsulated, long Length, Stream Content)
    : IDisposable, IAsyncDisposable
{
    /// <summary>A frame already in memory (<see cref="IInstanceReader.ReadFrameAsync"/>) as an opened one.</summary>
    public static OpenedFrame FromMemory(InstanceFrame frame) =>
        new(frame.FrameNumber, frame.FrameCount, frame.TransferSyntaxUid, frame.IsEncapsulated, frame.Data.Length, new ReadOnlyMemoryStream(frame.Data));

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
