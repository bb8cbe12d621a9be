using System.Buffers;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// The first bytes of one STOW-RS part in pooled chunks, so the part can be stored while the next parts are read.
/// <see cref="FillAsync"/> stops at a byte limit: a part that fits is complete in memory; a larger one keeps the
/// rest in its multipart stream and is read from the buffer, then from that stream (<see cref="OpenRead"/>), so a
/// part of any size takes at most the limit. Dispose returns the chunks to the pool.
/// </summary>
internal sealed class StowPartBuffer : IDisposable
{
    private const int ChunkSize = 128 * 1024;

    private readonly List<byte[]> _chunks = [];
    private Stream? _rest;

    public long Length { get; private set; }

    /// <summary>True when the whole part is in memory (its multipart stream is no longer needed).</summary>
    public bool IsComplete => _rest is null;

    public static async Task<StowPartBuffer> FillAsync(Stream part, long limit, CancellationToken cancellationToken)
    {
        var buffer = new StowPartBuffer();
        try
        {
            while (true)
            {
                if (buffer.Length >= limit) { buffer._rest = part; return buffer; }
                var offset = (int)(buffer.Length % ChunkSize);
                if (offset == 0) buffer._chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                var chunk = buffer._chunks[^1];
                var read = await part.ReadAsync(chunk.AsMemory(offset, (int)Math.Min(ChunkSize - offset, limit - buffer.Length)), cancellationToken);
                if (read == 0) return buffer;
                buffer.Length += read;
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The part's bytes: the buffered ones, then (for a part over the limit) the rest of its multipart stream.</summary>
    public Stream OpenRead() => new Reader(this);

    public void Dispose()
    {
        foreach (var chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
    }

    private sealed class Reader(StowPartBuffer buffer) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            if (_position < buffer.Length) return CopyBuffered(destination);
            if (buffer._rest is null || destination.IsEmpty) return 0;
            var read = buffer._rest.Read(destination);
            _position += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            if (_position < buffer.Length) return CopyBuffered(destination.Span);
            if (buffer._rest is null || destination.IsEmpty) return 0;
            var read = await buffer._rest.ReadAsync(destination, cancellationToken);
            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(destination.AsMemory(offset, count), cancellationToken).AsTask();

        private int CopyBuffered(Span<byte> destination)
        {
            var chunk = buffer._chunks[(int)(_position / ChunkSize)];
            var offset = (int)(_position % ChunkSize);
            var count = (int)Math.Min(Math.Min(ChunkSize - offset, buffer.Length - _position), destination.Length);
            chunk.AsSpan(offset, count).CopyTo(destination);
            _position += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();
    }
}
