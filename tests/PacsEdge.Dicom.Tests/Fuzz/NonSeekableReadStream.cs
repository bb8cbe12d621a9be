using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// A read-only stream that cannot seek or tell its length (a network body, a pipe), and that hands
/// out short reads of a chosen size so the reader's buffer refills land at awkward places.
/// </summary>
public sealed class NonSeekableReadStream(byte[] data, int maxChunk) : ReadOnlyTestStream
{
    private int _position;

    /// <summary>How many times the reader asked for bytes (a measure of how it treats a slow source).</summary>
    public int ReadCalls { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadCalls++;
        int n = Math.Min(Math.Min(buffer.Length, maxChunk), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
