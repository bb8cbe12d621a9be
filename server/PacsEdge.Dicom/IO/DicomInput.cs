using System.Buffers;
using System.Buffers.Binary;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// The bytes the reader consumes, with an absolute position. Over a byte array it is a window with
/// no copies (values come out as slices); over a stream it keeps a pooled buffer and reads large
/// values straight into their own arrays. Every length is checked against what is left before a
/// single byte is allocated, so a lying length cannot make the reader allocate.
/// </summary>
internal sealed class DicomInput : IDisposable
{
    private const int StreamBufferSize = 64 * 1024;

    private readonly Stream? _stream;
    private byte[] _buf;
    private readonly bool _pooled;
    private long _bufStart;   // absolute position of _buf[_lo]... of _buf[0]
    private int _pos;         // read index in _buf
    private int _len;         // valid bytes in _buf
    private readonly long _length;  // total length, or -1 when the stream cannot tell

    public DicomInput(byte[] array, int offset, int count, long basePosition = 0)
    {
        _buf = array;
        _pos = offset;
        _len = offset + count;
        _bufStart = basePosition - offset;
        _length = basePosition + count;
    }

    public DicomInput(Stream stream, string? filePath = null, long lengthLimit = -1)
    {
        _stream = stream;
        _buf = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        _pooled = true;
        FilePath = filePath;
        if (stream.CanSeek)
        {
            _bufStart = stream.Position;
            _length = stream.Length;
        }
        else
        {
            _length = -1;
        }
        LengthLimit = lengthLimit;
    }

    /// <summary>The file the bytes come from, when lazy file ranges can point back at it.</summary>
    public string? FilePath { get; }

    /// <summary>For streams of unknown length: the most bytes accepted (inflate bombs), -1 for none.</summary>
    public long LengthLimit { get; }

    public bool IsArray => _stream is null;

    public long Position => _bufStart + _pos;

    /// <summary>Bytes left, or long.MaxValue when the stream does not know.</summary>
    public long Remaining => _length >= 0 ? _length - Position : long.MaxValue;

    /// <summary>Makes n bytes readable at once (n at most the buffer size); false at end of input.</summary>
    public bool Ensure(int n)
    {
        if (_len - _pos >= n) return true;
        if (_stream is null) return false;
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
            _bufStart += _pos;
            _len -= _pos;
            _pos = 0;
        }
        while (_len < n)
        {
            int read = _stream.Read(_buf, _len, _buf.Length - _len);
            if (read <= 0) return false;
            _len += read;
            if (LengthLimit >= 0 && _bufStart + _len > LengthLimit)
                throw new DicomFormatException($"inflated data set exceeds the {LengthLimit}-byte limit", Position);
        }
        return true;
    }

    public bool AtEnd => !Ensure(1);

    /// <summary>Bytes readable now without touching the stream.</summary>
    public int Buffered => _len - _pos;

    /// <summary>The next n bytes without consuming them (call Ensure first).</summary>
    public ReadOnlySpan<byte> Peek(int n) => _buf.AsSpan(_pos, n);

    public void Advance(int n) => _pos += n;

    public ushort ReadUInt16(bool bigEndian)
    {
        var s = _buf.AsSpan(_pos, 2);
        _pos += 2;
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    }

    public uint ReadUInt32(bool bigEndian)
    {
        var s = _buf.AsSpan(_pos, 4);
        _pos += 4;
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    /// <summary>
    /// Reads a value of n bytes: a slice of the array (no copy) or a new array for streams. When
    /// <paramref name="writable"/> is set the bytes are always a private copy (they will be byte-swapped).
    /// </summary>
    public ReadOnlyMemory<byte> ReadValue(long n, bool writable, DicomTag tag)
    {
        CheckAvailable(n, tag);
        if (n > Array.MaxLength)
            throw new DicomFormatException($"value length {n} is too large to hold in memory; read it lazily from a file", Position, tag);
        int count = (int)n;
        if (_stream is null)
        {
            var slice = new ReadOnlyMemory<byte>(_buf, _pos, count);
            _pos += count;
            return writable ? slice.ToArray() : slice;
        }
        if (_length < 0 && count > StreamBufferSize) return ReadUnknownLength(count, tag);
        var bytes = new byte[count];
        int fromBuffer = Math.Min(count, _len - _pos);
        Buffer.BlockCopy(_buf, _pos, bytes, 0, fromBuffer);
        _pos += fromBuffer;
        if (fromBuffer < count)
        {
            _bufStart += _pos;
            _pos = _len = 0;
            int done = fromBuffer;
            while (done < count)
            {
                int read = _stream.Read(bytes, done, count - done);
                if (read <= 0) throw Truncated(tag);
                done += read;
            }
            _bufStart += count - fromBuffer;
        }
        return bytes;
    }

    /// <summary>Skips n bytes (a value left in its file), seeking where the stream allows.</summary>
    public void Skip(long n, DicomTag tag)
    {
        CheckAvailable(n, tag);
        long inBuffer = _len - _pos;
        if (n <= inBuffer) { _pos += (int)n; return; }
        long rest = n - inBuffer;
        _bufStart += _len + rest;
        _pos = _len = 0;
        if (_stream!.CanSeek) _stream.Seek(rest, SeekOrigin.Current);
        else
        {
            while (rest > 0)
            {
                int read = _stream.Read(_buf, 0, (int)Math.Min(_buf.Length, rest));
                if (read <= 0) throw Truncated(tag);
                rest -= read;
            }
        }
    }

    private void CheckAvailable(long n, DicomTag tag)
    {
        if (n < 0 || n > Remaining)
            throw new DicomFormatException($"value length {n} exceeds the {Remaining} bytes left", Position, tag);
    }

    /// <summary>A stream that cannot tell its length: grow with the data actually read, never with the claimed length.</summary>
    private ReadOnlyMemory<byte> ReadUnknownLength(int count, DicomTag tag)
    {
        var collected = new MemoryStream();
        int left = count;
        while (left > 0)
        {
            if (!Ensure(1)) throw Truncated(tag);
            int take = Math.Min(left, _len - _pos);
            collected.Write(_buf, _pos, take);
            _pos += take;
            left -= take;
        }
        return collected.GetBuffer().AsMemory(0, count);
    }

    public DicomFormatException Truncated(DicomTag? tag) =>
        new("unexpected end of data (file truncated?)", Position, tag);

    public void Dispose()
    {
        if (_pooled) ArrayPool<byte>.Shared.Return(_buf);
        _buf = [];
    }
}
