using Microsoft.Win32.SafeHandles;

namespace PacsEdge.Server.Instances;

/// <summary>
/// A read-only stream over ranges of one file, read with positional reads (no shared file position, no FileStream
/// buffer): a frame goes from the page cache into the caller's buffer once. Owns the handle.
/// </summary>
internal sealed class FileRangesStream(SafeFileHandle file, FileRange[] ranges) : Stream
{
    private int _range;
    private long _inRange;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length { get; } = ranges.Sum(r => r.Length);
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        if (!Next(buffer.Length, out var offset, out int want)) return 0;
        return Advance(RandomAccess.Read(file, buffer[..want], offset));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Next(buffer.Length, out var offset, out int want)) return 0;
        return Advance(await RandomAccess.ReadAsync(file, buffer[..want], offset, cancellationToken).ConfigureAwait(false));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private bool Next(int room, out long offset, out int want)
    {
        while (_range < ranges.Length && _inRange == ranges[_range].Length) { _range++; _inRange = 0; }
        offset = 0;
        want = 0;
        if (_range == ranges.Length || room == 0) return false;
        offset = ranges[_range].Offset + _inRange;
        want = (int)Math.Min(room, ranges[_range].Length - _inRange);
        return true;
    }

    private int Advance(int read)
    {
        // The file is immutable and the layout came from it, so a short file means it was damaged on disk.
        if (read == 0) throw new EndOfStreamException($"the stored file ended {Length - _position} bytes before the frame did");
        _inRange += read;
        _position += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
