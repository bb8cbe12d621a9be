using PacsEdge.Testing;
using System.Text;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// A 1 GiB part streams through the reader in constant memory: the body is generated on the fly (never
/// held), every byte is checked against the generator, and the bytes allocated on the test's thread
/// for the whole read stay under 1 MiB (the reader's buffer is 64 KiB).
/// </summary>
public class ConstantMemoryTests
{
    private const long PartLength = 1L << 30;
    private const long AllocationLimit = 1 << 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_1_GiB_part_is_read_with_a_few_kilobytes_allocated(bool async)
    {
        var source = new GeneratedMultipartStream("Pacs0123456789abcdefghijklmnopqrstuvwxyzABCD", PartLength);
        var chunk = new byte[65536];
        long before = GC.GetAllocatedBytesForCurrentThread();

        var reader = new MultipartReader(source, source.Boundary);
        var big = async ? await reader.ReadNextPartAsync() : reader.ReadNextPart();
        long total = 0;
        bool contentOk = true;
        while (true)
        {
            int n = async ? await big!.Body.ReadAsync(chunk) : big!.Body.Read(chunk);
            if (n == 0) break;
            contentOk &= source.Matches(total, chunk.AsSpan(0, n));
            total += n;
        }
        var small = async ? await reader.ReadNextPartAsync() : reader.ReadNextPart();
        int smallLength = small!.Body.Read(chunk);
        var end = async ? await reader.ReadNextPartAsync() : reader.ReadNextPart();

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(PartLength, total);
        Assert.True(contentOk, "the part's bytes differ from what was generated");
        Assert.Equal("tail", Encoding.ASCII.GetString(chunk, 0, smallLength));
        Assert.Null(end);
        Assert.True(allocated < AllocationLimit, $"{allocated:N0} bytes allocated while reading a {PartLength:N0}-byte part");
    }

    /// <summary>
    /// multipart body: part 1 is <c>length</c> bytes repeating a random block salted with CR, LF and
    /// cut delimiters; part 2 is "tail". Reads return odd sizes so delimiters fall across them.
    /// </summary>
    private sealed class GeneratedMultipartStream : ReadOnlyTestStream
    {
        private readonly byte[] _head;
        private readonly byte[] _tail;
        private readonly byte[] _block = new byte[65519];
        private readonly long _length;
        private long _position;
        private int _readCount;

        public GeneratedMultipartStream(string boundary, long length)
        {
            Boundary = boundary;
            _length = length;
            _head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/dicom\r\n\r\n");
            _tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-Type: text/plain\r\n\r\ntail\r\n--{boundary}--\r\n");
            var random = new Random(11);
            random.NextBytes(_block);
            var cut = Encoding.ASCII.GetBytes($"\r\n--{boundary[..^1]}");
            for (int at = 100; at + cut.Length < _block.Length; at += random.Next(200, 5000)) cut.CopyTo(_block, at);
        }

        public string Boundary { get; }

        private long Total => _head.Length + _length + _tail.Length;

        /// <summary>True when <paramref name="data"/> is what the part holds at <paramref name="offset"/>.</summary>
        public bool Matches(long offset, ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                int at = (int)(offset % _block.Length);
                int n = Math.Min(data.Length, _block.Length - at);
                if (!data[..n].SequenceEqual(_block.AsSpan(at, n))) return false;
                data = data[n..];
                offset += n;
            }
            return true;
        }

        public override int Read(Span<byte> buffer)
        {
            // Odd read sizes: 1 byte now and then, otherwise up to 61,001 bytes.
            int want = (int)Math.Min(Math.Min(buffer.Length, Total - _position), ++_readCount % 97 == 0 ? 1 : 61_001 - _readCount % 13);
            int done = 0;
            while (done < want)
            {
                long p = _position + done;
                ReadOnlySpan<byte> from = p < _head.Length ? _head.AsSpan((int)p)
                    : p - _head.Length < _length ? _block.AsSpan((int)((p - _head.Length) % _block.Length))
                    : _tail.AsSpan((int)(p - _head.Length - _length));
                if (p < _head.Length + _length && p >= _head.Length) from = from[..(int)Math.Min(from.Length, _head.Length + _length - p)];
                int n = Math.Min(from.Length, want - done);
                from[..n].CopyTo(buffer[done..]);
                done += n;
            }
            _position += done;
            return done;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        // Completes synchronously, so the reader's async path runs on this thread and its allocations are counted.
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

                                        }
}
