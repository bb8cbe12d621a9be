using BenchmarkDotNet.Attributes;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Bench;

/// <summary>
/// Parsing one 512x512 16-bit CT slice (~0.5 MB): the header only (what the store path indexes) and
/// the full file, from memory and from disk. With a lazy threshold the pixel data stays in the file.
/// Single-threaded: Op/s is per core.
/// </summary>
[MemoryDiagnoser]
public class CtSliceParseBenchmarks
{
    private static readonly DicomReaderOptions LeavePixelsInFile = new() { LazyValueThreshold = 64 * 1024 };
    private byte[] _bytes = [];
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = SyntheticCtSlice.Build();
        _path = Path.Combine(Path.GetTempPath(), $"pacsedge-bench-ct-{Environment.ProcessId}.dcm");
        File.WriteAllBytes(_path, _bytes);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "header (until Pixel Data) from byte[]")]
    public DicomFile HeaderFromBytes() => DicomFileReader.Read(_bytes, DicomReaderOptions.UntilPixelData);

    [Benchmark(Description = "header (until Pixel Data) from file")]
    public DicomFile HeaderFromFile() => DicomFileReader.Read(_path, DicomReaderOptions.UntilPixelData);

    [Benchmark(Description = "full from byte[]")]
    public DicomFile FullFromBytes() => DicomFileReader.Read(_bytes);

    [Benchmark(Description = "full from file, pixel data lazy")]
    public DicomFile FullFromFileLazy()
    {
        var file = DicomFileReader.Read(_path, LeavePixelsInFile);
        if (file.Dataset.Get(DicomTags.PixelData) is DicomElement { Value.IsLoaded: true })
            throw new InvalidOperationException("pixel data was read into memory");
        return file;
    }

    [Benchmark(Description = "full from file, eager (pixel data copied)")]
    public DicomFile FullFromFileEager() => DicomFileReader.Read(_path);
}
