namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// The reader's one fixed-size window over the body stream: bytes [Start, End) are read but not yet
/// consumed. Filling moves the unconsumed tail to the front and reads after it, so memory stays at
/// the buffer size whatever the body size.
/// </summary>
internal sealed class MultipartBuffer(Stream stream, int size)
{
    public readonly byte[] Data = new byte[size];
    public int Start;
    public int End;

    /// <summary>The stream has no more bytes.</summary>
    public bool Eof { get; private set; }

    /// <summary>Offset in the body of Data[0]; with it, offsets stay valid when the window moves.</summary>
    public long BaseOffset { get; private set; }

    public int Count => End - Start;

    public ReadOnlySpan<byte> Available => Data.AsSpan(Start, End - Start);

    /// <summary>Offset in the body of the first unconsumed byte.</summary>
    public long Position => BaseOffset + Start;

    public void Fill() => Complete(stream.Read(Data, Prepare(), Data.Length - End));

    /// <summary>
    /// Not an async method on the common path: when the stream answers at once (data already received)
    /// nothing is allocated, also in Debug builds, where async state machines are classes.
    /// </summary>
    public ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var read = stream.ReadAsync(Data.AsMemory(Prepare()), cancellationToken);
        if (!read.IsCompletedSuccessfully) return CompleteAsync(read);
        Complete(read.Result);
        return default;
    }

    private async ValueTask CompleteAsync(ValueTask<int> read) => Complete(await read.ConfigureAwait(false));

    private int Prepare()
    {
        // Every caller handles the end of the body before asking for more; this only guarantees that a
        // missed case fails with the typed exception rather than looping for ever.
        if (Eof) throw new MultipartFormatException("the body ends too early", Position);
        if (Start > 0)
        {
            Buffer.BlockCopy(Data, Start, Data, 0, Count);
            BaseOffset += Start;
            End -= Start;
            Start = 0;
        }
        if (End == Data.Length) throw new InvalidOperationException("multipart buffer full: a reader limit exceeds the buffer size");
        return End;
    }

    private void Complete(int read)
    {
        if (read == 0) Eof = true;
        else End += read;
    }
}
