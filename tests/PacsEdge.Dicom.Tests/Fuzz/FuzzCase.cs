using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>How a case's bytes reach the reader.</summary>
public enum FuzzReadPath { ByteArray, NonSeekableStream, SeekableStream, LazyFile }

/// <summary>A corpus file that parses unmutated: a starting point for mutations.</summary>
public sealed record FuzzSeedFile(string Name, byte[] Bytes);

/// <summary>
/// One fuzz case, a pure function of (master seed, index): which seed file, which mutations, which
/// read path and which options. <see cref="ToString"/> says everything needed to replay it.
/// </summary>
public sealed record FuzzCase(int Index, int Seed, string SeedFile, byte[] Input, string Mutation,
    FuzzReadPath Path, int Chunk, string OptionsName, DicomReaderOptions Options)
{
    public static FuzzCase Create(int masterSeed, int index, IReadOnlyList<FuzzSeedFile> seeds)
    {
        int seed = Mix(masterSeed, index);
        var random = new Random(seed);
        var file = seeds[random.Next(seeds.Count)];
        var (input, mutation) = FuzzMutator.Mutate(file.Bytes, random);
        int p = random.Next(100);
        var path = p < 55 ? FuzzReadPath.ByteArray : p < 80 ? FuzzReadPath.NonSeekableStream : p < 90 ? FuzzReadPath.SeekableStream : FuzzReadPath.LazyFile;
        int chunk = random.Next(3) switch { 0 => 1 + random.Next(16), 1 => 1 + random.Next(4096), _ => int.MaxValue };
        int o = random.Next(100);
        var (optionsName, options) = o < 75 ? ("Default", DicomReaderOptions.Default)
            : o < 90 ? ("UntilPixelData", DicomReaderOptions.UntilPixelData)
            : ("TightLimits", new DicomReaderOptions { MaxSequenceDepth = 2, MaxElementCount = 150 });
        if (path == FuzzReadPath.LazyFile) options = options with { LazyValueThreshold = 64 };
        return new FuzzCase(index, seed, file.Name, input, mutation, path, chunk, optionsName, options);
    }

    /// <summary>The case seed: a fixed integer hash (HashCode.Combine is randomised per process).</summary>
    private static int Mix(int masterSeed, int index)
    {
        ulong z = (ulong)(uint)masterSeed << 32 | (uint)index;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    public override string ToString() =>
        $"case {Index} (replay: FuzzCase.Create(masterSeed, {Index}, seeds); case seed {Seed}) from {SeedFile}, " +
        $"{Input.Length} bytes, path {Path}{(Path == FuzzReadPath.NonSeekableStream ? $" chunk {Chunk}" : "")}, options {OptionsName}: {Mutation}";
}
