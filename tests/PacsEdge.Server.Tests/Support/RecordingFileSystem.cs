using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Tests.Support;

/// <summary>
/// The real file system with a log of each call ("Rename tmp/… -> blobs/…") and an optional failure: the
/// call whose step name equals <see cref="FailAt"/> (its <see cref="FailOccurrence"/>-th time) throws an IOException.
/// </summary>
public sealed class RecordingFileSystem(string root) : IDurableFileSystem
{
    private readonly PhysicalFileSystem _real = PhysicalFileSystem.Instance;
    private readonly Dictionary<string, int> _counts = new();

    public List<string> Steps { get; } = [];
    public string? FailAt { get; set; }
    public int FailOccurrence { get; set; } = 1;
    /// <summary>Replaces the stream CreateNew returns (e.g. /dev/full for a real ENOSPC); the file is still created.</summary>
    public Func<Stream>? StreamOverride { get; set; }

    public Stream CreateNew(string path)
    {
        Record("CreateNew", path);
        var real = _real.CreateNew(path);
        if (StreamOverride is null) return new RecordingStream(real, this);
        real.Dispose();
        return new RecordingStream(StreamOverride(), this);
    }

    public void FlushToDisk(Stream file)
    {
        Record("FlushToDisk", null);
        _real.FlushToDisk(((RecordingStream)file).Inner);
    }

    public void Rename(string source, string destination) { Record("Rename", Relative(source) + " -> " + Relative(destination)); _real.Rename(source, destination); }
    public void SyncDirectory(string directory) { Record("SyncDirectory", directory); _real.SyncDirectory(directory); }
    public void CreateDirectory(string path) { Record("CreateDirectory", path); _real.CreateDirectory(path); }
    public bool FileExists(string path) => _real.FileExists(path);
    public bool DirectoryExists(string path) => _real.DirectoryExists(path);
    public void DeleteFile(string path) { Steps.Add("DeleteFile " + Relative(path)); _real.DeleteFile(path); }

    internal void Record(string step, string? path)
    {
        Steps.Add(path is null ? step : step + " " + Relative(path));
        _counts[step] = _counts.GetValueOrDefault(step) + 1;
        if (step == FailAt && _counts[step] == FailOccurrence) throw new IOException($"injected failure at {step}");
    }

    private string Relative(string path) => path.Contains(" -> ") ? path : System.IO.Path.GetRelativePath(root, path);

    /// <summary>Records the first write of a file as the step "Write".</summary>
    private sealed class RecordingStream(Stream inner, RecordingFileSystem owner) : Stream
    {
        private bool _written;
        public Stream Inner => inner;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_written) { _written = true; owner.Record("Write", null); }
            return inner.WriteAsync(buffer, cancellationToken);
        }

        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
