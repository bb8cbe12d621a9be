namespace PacsEdge.Dicom.Buffers;

/// <summary>
/// A value left in its file: path, offset and length, read on first use (dcm4che's bulk data, fo-dicom's
/// file byte buffer). <see cref="SwapUnit"/> is 2, 4 or 8 when the file is big-endian and the value is
/// binary, so the loaded bytes come out little-endian like every other value.
/// </summary>
public sealed class FileRangeByteSource(string path, long offset, long length, int swapUnit = 0) : IByteSource
{
    private ReadOnlyMemory<byte>? _loaded;

    public string Path { get; } = path;
    public long Offset { get; } = offset;
    public long Length { get; } = length;
    public int SwapUnit { get; } = swapUnit;
    public bool IsLoaded => _loaded.HasValue;

    public ReadOnlyMemory<byte> Memory => _loaded ??= Load();

    public void CopyTo(Stream destination)
    {
        if (_loaded is { } m || SwapUnit > 1) { destination.Write(Memory.Span); return; }
        using var file = OpenAt();
        var buffer = new byte[(int)Math.Min(Length, 1 << 20)];
        for (long left = Length; left > 0;)
        {
            int n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n <= 0) throw new EndOfStreamException($"{Path} ended inside a value");
            destination.Write(buffer, 0, n);
            left -= n;
        }
    }

    public ReadOnlyMemory<byte> Prefix(int maxLength)
    {
        if (_loaded is { } m) return m[..(int)Math.Min(maxLength, m.Length)];
        int count = (int)Math.Min(maxLength, Length);
        if (SwapUnit > 1) count -= count % SwapUnit;
        var bytes = new byte[count];
        using (var file = OpenAt()) file.ReadExactly(bytes);
        if (SwapUnit > 1) ByteSwap.InPlace(bytes, SwapUnit);
        return bytes;
    }

    private FileStream OpenAt()
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Seek(Offset, SeekOrigin.Begin);
        return file;
    }

    private ReadOnlyMemory<byte> Load()
    {
        if (Length > Array.MaxLength) throw new InvalidOperationException($"a {Length}-byte value cannot be loaded into memory; stream it with CopyTo");
        var bytes = new byte[Length];
        using (var file = OpenAt()) file.ReadExactly(bytes);
        if (SwapUnit > 1) ByteSwap.InPlace(bytes, SwapUnit);
        return bytes;
    }
}
