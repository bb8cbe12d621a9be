using System.IO.Compression;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// Reads Part 10 files (PS3.10 7.1): optional 128-byte preamble and "DICM", the file meta group in
/// Explicit VR Little Endian, then the data set in the transfer syntax the meta group names.
/// Files without preamble or meta group are read too, their encoding detected from the first element.
/// </summary>
public static class DicomFileReader
{
    public static DicomFile Read(string path, DicomReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options, path);
    }

    /// <summary>Reads from a stream; with <paramref name="filePath"/> set, large values may stay in that file (lazy).</summary>
    public static DicomFile Read(Stream stream, DicomReaderOptions? options = null, string? filePath = null)
    {
        using var input = new DicomInput(stream, stream.CanSeek ? filePath : null);
        return Read(input, options ?? DicomReaderOptions.Default, stream);
    }

    /// <summary>Reads from memory without copying: values are slices of <paramref name="bytes"/>.</summary>
    public static DicomFile Read(byte[] bytes, DicomReaderOptions? options = null) => Read(bytes.AsMemory(), options);

    public static DicomFile Read(ReadOnlyMemory<byte> bytes, DicomReaderOptions? options = null)
    {
        if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment))
            segment = new ArraySegment<byte>(bytes.ToArray());
        using var input = new DicomInput(segment.Array!, segment.Offset, segment.Count);
        return Read(input, options ?? DicomReaderOptions.Default, null);
    }

    private static DicomFile Read(DicomInput input, DicomReaderOptions options, Stream? stream)
    {
        byte[]? preamble = null;
        long origin = input.Position;
        if (input.Ensure(132) && input.Peek(132)[128..].SequenceEqual("DICM"u8))
        {
            preamble = input.Peek(128).ToArray();
            input.Advance(132);
        }
        else if (input.Ensure(4) && input.Peek(4).SequenceEqual("DICM"u8))
        {
            input.Advance(4); // "DICM" without preamble: seen in the wild, accepted as dcmtk does
        }

        var meta = ReadMetaGroup(input, options);
        if (preamble is null && meta.Count == 0 && input.Position == origin && LooksLikeNothingDicom(input))
            throw new DicomFormatException("not a DICOM file: no DICM prefix, no meta group and no recognisable data element", origin);

        var tsUid = meta.GetString(DicomTags.TransferSyntaxUID);
        var transferSyntax = tsUid is { Length: > 0 } ? TransferSyntax.FromUid(tsUid) : Detect(input);
        var (isExplicit, bigEndian) = (transferSyntax.IsExplicitVR, transferSyntax.IsBigEndian);
        if (tsUid is { Length: > 0 } && !transferSyntax.IsDeflated)
            (isExplicit, bigEndian) = CorrectEncoding(input, isExplicit, bigEndian);

        var dataset = new DicomDataset();
        long? stoppedAt;
        List<string> warnings;
        if (transferSyntax.IsDeflated)
        {
            if (!input.IsArray && stream is null) throw new InvalidOperationException("deflated input needs a stream");
            using var inflated = Inflate(input);
            using var inner = new DicomInput(inflated, null, options.MaxInflatedBytes);
            var parser = new DicomDatasetParser(inner, options, true, false);
            try
            {
                parser.ReadTopLevel(dataset);
            }
            catch (InvalidDataException e)
            {
                // DeflateStream reports a corrupt stream with its own exception; ours is the one callers catch.
                throw new DicomFormatException($"corrupt deflated data set: {e.Message}", inner.Position, null, e);
            }
            stoppedAt = parser.StoppedAt;
            warnings = parser.Warnings;
        }
        else
        {
            var parser = new DicomDatasetParser(input, options, isExplicit, bigEndian);
            parser.ReadTopLevel(dataset);
            stoppedAt = parser.StoppedAt;
            warnings = parser.Warnings;
        }
        return new DicomFile(meta, dataset, transferSyntax) { Preamble = preamble, StoppedAtOffset = stoppedAt, Warnings = warnings };
    }

    /// <summary>Group 0002 elements, always little endian; explicit VR per the standard, implicit tolerated.</summary>
    private static DicomDataset ReadMetaGroup(DicomInput input, DicomReaderOptions options)
    {
        var meta = new DicomDataset();
        if (!input.Ensure(6) || input.Peek(2)[0] != 0x02 || input.Peek(2)[1] != 0x00) return meta;
        var metaOptions = options with { StopAtTag = null, IsBulkData = (_, _, _) => false };
        var parser = new DicomDatasetParser(input, metaOptions, explicitVR: true, bigEndian: false) { OnlyGroup = 0x0002 };
        parser.ReadTopLevel(meta);
        return meta;
    }

    /// <summary>No meta group: guess the encoding from the first element, as dcmtk and pydicom do.</summary>
    private static TransferSyntax Detect(DicomInput input)
    {
        var (isExplicit, bigEndian) = Sniff(input) ?? (false, false);
        if (bigEndian) return TransferSyntax.ExplicitVRBigEndian;
        return isExplicit ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
    }

    /// <summary>A meta group that names the wrong encoding is caught by looking at the first element.</summary>
    private static (bool, bool) CorrectEncoding(DicomInput input, bool isExplicit, bool bigEndian) =>
        Sniff(input) is { } seen && seen.Explicit != isExplicit && seen.BigEndian == bigEndian ? seen : (isExplicit, bigEndian);

    private static (bool Explicit, bool BigEndian)? Sniff(DicomInput input)
    {
        if (!input.Ensure(6)) return null;
        var b = input.Peek(6);
        bool bigEndian = b[0] == 0 && b[1] != 0; // group 0x0008 reads 08 00 little endian, 00 08 big endian
        bool isExplicit = DicomVRInfo.TryParse(b[4], b[5], out _);
        return (isExplicit, bigEndian);
    }

    private static bool LooksLikeNothingDicom(DicomInput input)
    {
        if (!input.Ensure(8)) return true;
        var b = input.Peek(8);
        ushort groupLE = (ushort)(b[0] | b[1] << 8), groupBE = (ushort)(b[0] << 8 | b[1]);
        bool plausibleGroup = groupLE is >= 0x0002 and <= 0x00FF or 0x7FE0 || groupBE is >= 0x0002 and <= 0x00FF;
        return !plausibleGroup;
    }

    private static Stream Inflate(DicomInput input)
    {
        // The rest of the input, from the current position, is a raw deflate stream (PS3.5 A.5).
        var rest = new MemoryStream();
        while (input.Ensure(1))
        {
            int n = (int)Math.Min(input.Remaining, 64 * 1024);
            // At the end of a stream of unknown length, take what is buffered: one byte per pass made the tail quadratic.
            if (!input.Ensure(n)) n = input.Buffered;
            rest.Write(input.Peek(n));
            input.Advance(n);
        }
        rest.Position = 0;
        return new DeflateStream(rest, CompressionMode.Decompress);
    }
}
