using PacsEdge.Testing;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// A read-only, non-seekable stream over bytes that hands out at most a random 1..maxChunk bytes per
/// read, so that delimiters and header lines fall across reads the way a network delivers them.
/// </summary>
internal sealed class ChunkedReadStream(byte[] data, Random random, int maxChunk) : ReadOnlyTestStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, data.Length - _position), random.Next(1, maxChunk + 1));
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        // Sometimes really asynchronous, so the reader's suspended path runs too.
        random.Next(64) == 0 ? YieldThenRead(buffer) : new(Read(buffer.Span));

    private async ValueTask<int> YieldThenRead(Memory<byte> buffer)
    {
        // Continue on the thread pool: tests block on the reader, so the caller's context must not be needed.
        return await Task.Run(() => Read(buffer.Span)).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

}

/// <summary>One part as a test saw it: headers and the whole body.</summary>
internal sealed record ReadPart(IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

internal static class MultipartTestReading
{
    /// <summary>Reads every part, sync or async, with random destination sizes (1..64 KiB); some parts are left unread to test skipping.</summary>
    public static List<ReadPart?> ReadAll(MultipartReader reader, Random random, bool async, bool skipSome = false)
    {
        var parts = new List<ReadPart?>();
        while (true)
        {
            var part = async ? reader.ReadNextPartAsync().AsTask().GetAwaiter().GetResult() : reader.ReadNextPart();
            if (part is null) return parts;
            if (skipSome && random.Next(3) == 0)
            {
                parts.Add(null); // left for ReadNextPart to skip
                continue;
            }
            var body = new MemoryStream();
            var buffer = new byte[65536];
            while (true)
            {
                int want = random.Next(2) == 0 ? random.Next(1, 17) : random.Next(1, buffer.Length + 1);
                int n = async
                    ? part.Body.ReadAsync(buffer.AsMemory(0, want)).AsTask().GetAwaiter().GetResult()
                    : part.Body.Read(buffer, 0, want);
                if (n == 0) break;
                body.Write(buffer, 0, n);
            }
            parts.Add(new ReadPart([.. part.Headers], body.ToArray()));
        }
    }

    public static List<ReadPart?> ReadAll(byte[] body, string boundary, int seed = 1, int maxChunk = 65536, bool async = false, MultipartReaderOptions? options = null)
    {
        var random = new Random(seed);
        return ReadAll(new MultipartReader(new ChunkedReadStream(body, random, maxChunk), boundary, options), random, async);
    }
}
