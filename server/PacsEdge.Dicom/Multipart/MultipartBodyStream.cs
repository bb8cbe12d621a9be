using System.Runtime.CompilerServices;

namespace PacsEdge.Dicom.Multipart;

/// <summary>The body of the reader's current part: read-only, forward-only, ends at the delimiter.</summary>
internal sealed class MultipartBodyStream(MultipartReader reader) : Stream
{
    /// <summary>Set once, right after the part is created around this stream.</summary>
    internal MultipartPart Part { get; set; } = null!;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("a multipart body has no known length");
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            int n = reader.TryReadBody(Part, buffer);
            if (n >= 0) return n;
            reader.Fill();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Synchronous while the network has delivered enough: no state machine, no allocation.
        while (true)
        {
            int n = reader.TryReadBody(Part, buffer.Span);
            if (n >= 0) return new ValueTask<int>(n);
            var fill = reader.FillAsync(cancellationToken);
            if (!fill.IsCompletedSuccessfully) return ReadSlowAsync(fill, buffer, cancellationToken);
            fill.GetAwaiter().GetResult();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadSlowAsync(ValueTask pendingFill, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await pendingFill.ConfigureAwait(false);
        while (true)
        {
            int n = reader.TryReadBody(Part, buffer.Span);
            if (n >= 0) return n;
            await reader.FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
