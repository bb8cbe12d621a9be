using System.Diagnostics;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz;

public enum FuzzOutcome { Parsed, Rejected, Failed }

/// <summary>What one case did: outcome, bytes allocated by the parse, time, and why it failed.</summary>
public sealed record FuzzResult(FuzzOutcome Outcome, long AllocatedBytes, long ParsedBytes, TimeSpan Elapsed, int ItemsVisited, string? Failure)
{
    public double AllocationRatio => (double)AllocatedBytes / Math.Max(1, ParsedBytes);
}

/// <summary>
/// Runs one case on the calling thread and applies the oracle: parse then touch must succeed or throw
/// <see cref="DicomFormatException"/>; the parse allocates at most 4 x input + 1 MiB (input: the
/// bytes parsed, inflated ones included); the case ends
/// within the time limit; and a stream or file read agrees with the byte-array read of the same bytes.
/// </summary>
public sealed class FuzzCaseRunner(string scratchFile, TimeSpan perCaseLimit)
{
    public const long AllocationSlack = 1 << 20;

    public FuzzResult Run(FuzzCase c)
    {
        var stopwatch = Stopwatch.StartNew();
        var (outcome, allocated, visited, failure) = Parse(c, c.Path);
        long parsedBytes = ParsedBytes(c.Input);
        if (failure is null && outcome != FuzzOutcome.Failed && allocated > AllocationBudget(parsedBytes))
            failure = $"parse allocated {allocated} bytes, over the budget of 4 x {parsedBytes} + 1 MiB";
        if (failure is null && c.Path != FuzzReadPath.ByteArray)
        {
            var (arrayOutcome, _, arrayVisited, arrayFailure) = Parse(c, FuzzReadPath.ByteArray);
            failure = arrayFailure;
            if (failure is null && (arrayOutcome != outcome || arrayVisited != visited))
                failure = $"{c.Path} read gave {outcome} with {visited} items, byte[] read gave {arrayOutcome} with {arrayVisited}";
        }
        stopwatch.Stop();
        if (failure is null && stopwatch.Elapsed > perCaseLimit)
            failure = $"took {stopwatch.Elapsed.TotalMilliseconds:F0} ms, over the {perCaseLimit.TotalMilliseconds:F0} ms limit";
        return new FuzzResult(failure is null ? outcome : FuzzOutcome.Failed, allocated, parsedBytes, stopwatch.Elapsed, visited, failure);
    }

    public static long AllocationBudget(long parsedBytes) => 4L * parsedBytes + AllocationSlack;

    /// <summary>The bytes the reader works through: the file, plus the inflated data set of a deflated file.</summary>
    public static long ParsedBytes(byte[] input) => input.Length + InflatedSize.Of(input);

    private (FuzzOutcome, long Allocated, int Visited, string? Failure) Parse(FuzzCase c, FuzzReadPath path)
    {
        Stream? stream = path switch
        {
            FuzzReadPath.NonSeekableStream => new NonSeekableReadStream(c.Input, c.Chunk),
            FuzzReadPath.SeekableStream => new MemoryStream(c.Input, writable: false),
            _ => null,
        };
        if (path == FuzzReadPath.LazyFile) File.WriteAllBytes(scratchFile, c.Input);
        DicomFile? file = null;
        Exception? error = null;
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            file = path switch
            {
                FuzzReadPath.ByteArray => DicomFileReader.Read(c.Input, c.Options),
                FuzzReadPath.LazyFile => DicomFileReader.Read(scratchFile, c.Options),
                _ => DicomFileReader.Read(stream!, c.Options),
            };
        }
        catch (Exception e)
        {
            error = e;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        int visited = 0;
        string stage = "parsing";
        if (error is null)
        {
            stage = "touching the result";
            try { visited = DatasetToucher.Touch(file!); }
            catch (Exception e) { error = e; }
        }
        return error switch
        {
            null => (FuzzOutcome.Parsed, allocated, visited, null),
            DicomFormatException { Offset: < 0 } e => (FuzzOutcome.Failed, allocated, 0, $"{path}: DicomFormatException without an offset while {stage}: {e.Message}"),
            DicomFormatException => (FuzzOutcome.Rejected, allocated, 0, null),
            _ => (FuzzOutcome.Failed, allocated, 0, $"{path}: unexpected {error.GetType().Name} while {stage}: {error}"),
        };
    }
}
