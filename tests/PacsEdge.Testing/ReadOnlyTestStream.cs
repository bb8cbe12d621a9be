namespace PacsEdge.Testing;

/// <summary>
/// Base for the tests' forward-only, read-only streams (non-seekable pipes, generated bodies, short
/// reads): a subclass supplies Read; everything a read-only, non-seekable stream refuses is here once.
/// </summary>
public abstract class ReadOnlyTestStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
