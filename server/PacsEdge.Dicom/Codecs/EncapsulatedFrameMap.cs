using System.Buffers.Binary;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// Which fragments of encapsulated Pixel Data (PS3.5 A.4) make up which frame, in the order of
/// trust: the Extended Offset Table (7FE0,0001) with its Lengths (7FE0,0002); the Basic Offset
/// Table; one fragment per frame when the counts match; all fragments for a single frame; and last,
/// for syntaxes whose frames begin with a marker (JPEG SOI, JPEG 2000 SOC or JP2 signature), a new
/// frame at every fragment that starts with one.
/// </summary>
public static class EncapsulatedFrameMap
{
    public static IReadOnlyList<FrameFragments> Build(DicomDataset dataset, DicomFragmentSequence pixelData, TransferSyntax syntax, int numberOfFrames)
    {
        if (numberOfFrames < 1) throw new ArgumentOutOfRangeException(nameof(numberOfFrames));
        var fragments = pixelData.Fragments;
        if (fragments.Count == 0)
            throw new DicomFormatException("encapsulated Pixel Data has no fragments", -1, pixelData.Tag);
        var starts = FragmentItemOffsets(pixelData);

        if (dataset.Get(DicomTags.ExtendedOffsetTable) is DicomElement eot)
            return FromExtendedOffsetTable(eot, dataset.Get(DicomTags.ExtendedOffsetTableLengths) as DicomElement, starts, numberOfFrames);
        if (pixelData.OffsetTable.Length > 0 && FromBasicOffsetTable(pixelData.BasicOffsets(), starts, numberOfFrames) is { } fromBot)
            return fromBot;
        if (fragments.Count == numberOfFrames)
            return Enumerable.Range(0, numberOfFrames).Select(i => new FrameFragments(i, 1)).ToArray();
        if (numberOfFrames == 1)
            return [new FrameFragments(0, fragments.Count)];
        if (FrameStartMarker(syntax) is { } isFrameStart)
        {
            var firsts = Enumerable.Range(0, fragments.Count).Where(i => isFrameStart(ByteSourceSlicing.Prefix(fragments[i], 12))).ToList();
            if (firsts.Count == numberOfFrames && firsts[0] == 0)
                return Ranges(firsts, fragments.Count);
            throw new DicomFormatException($"{fragments.Count} fragments hold {firsts.Count} frame start markers, expected {numberOfFrames} frames and no offset table says otherwise", -1, pixelData.Tag);
        }
        throw new DicomFormatException($"cannot tell which of {fragments.Count} fragments belong to which of {numberOfFrames} frames: no offset table, and {syntax.Name} frames have no start marker", -1, pixelData.Tag);
    }

    /// <summary>Offset of each fragment's item tag, relative to the first fragment's (how both offset tables count).</summary>
    private static long[] FragmentItemOffsets(DicomFragmentSequence pixelData)
    {
        var starts = new long[pixelData.Fragments.Count + 1];
        for (int i = 0; i < pixelData.Fragments.Count; i++) starts[i + 1] = starts[i] + 8 + pixelData.Fragments[i].Length;
        return starts;
    }

    private static FrameFragments[] FromExtendedOffsetTable(DicomElement table, DicomElement? lengthsElement, long[] starts, int frames)
    {
        var offsets = ReadUInt64s(table.Span);
        var lengths = lengthsElement is null ? null : ReadUInt64s(lengthsElement.Span);
        if (offsets.Length != frames)
            throw new DicomFormatException($"Extended Offset Table has {offsets.Length} entries for {frames} frames", -1, DicomTags.ExtendedOffsetTable);
        if (lengths is not null && lengths.Length != frames)
            throw new DicomFormatException($"Extended Offset Table Lengths has {lengths.Length} entries for {frames} frames", -1, DicomTags.ExtendedOffsetTableLengths);
        var result = new FrameFragments[frames];
        for (int f = 0; f < frames; f++)
        {
            int first = Array.BinarySearch(starts, 0, starts.Length - 1, (long)Math.Min(offsets[f], long.MaxValue));
            if (first < 0)
                throw new DicomFormatException($"Extended Offset Table entry {f} ({offsets[f]}) is not at a fragment", -1, DicomTags.ExtendedOffsetTable);
            long length = lengths is null ? -1 : (long)Math.Min(lengths[f], long.MaxValue);
            int count = 1;
            if (length >= 0)
            {
                // Whole fragments until the frame's bytes are covered (normally exactly one fragment).
                long covered = starts[first + 1] - starts[first] - 8;
                while (covered < length && first + count < starts.Length - 1)
                {
                    covered += starts[first + count + 1] - starts[first + count] - 8;
                    count++;
                }
                if (covered < length)
                    throw new DicomFormatException($"frame {f} is {length} bytes long but its fragments hold {covered}", -1, DicomTags.ExtendedOffsetTableLengths);
            }
            else if (f + 1 < frames)
            {
                int next = Array.BinarySearch(starts, 0, starts.Length - 1, (long)Math.Min(offsets[f + 1], long.MaxValue));
                if (next <= first)
                    throw new DicomFormatException($"Extended Offset Table entry {f + 1} does not follow entry {f}", -1, DicomTags.ExtendedOffsetTable);
                count = next - first;
            }
            else count = starts.Length - 1 - first;
            result[f] = new FrameFragments(first, count, length);
        }
        return result;
    }

    /// <summary>The Basic Offset Table's frames, or null when the table does not fit the fragments (then ignored, as dcmtk does).</summary>
    private static FrameFragments[]? FromBasicOffsetTable(uint[] offsets, long[] starts, int frames)
    {
        if (offsets.Length != frames) return null;
        var firsts = new List<int>(frames);
        foreach (var offset in offsets)
        {
            int i = Array.BinarySearch(starts, 0, starts.Length - 1, offset);
            if (i < 0 || (firsts.Count > 0 && i <= firsts[^1])) return null;
            firsts.Add(i);
        }
        return firsts[0] == 0 ? Ranges(firsts, starts.Length - 1) : null;
    }

    private static FrameFragments[] Ranges(List<int> firsts, int fragmentCount) =>
        firsts.Select((first, f) => new FrameFragments(first, (f + 1 < firsts.Count ? firsts[f + 1] : fragmentCount) - first)).ToArray();

    private static ulong[] ReadUInt64s(ReadOnlySpan<byte> bytes)
    {
        var values = new ulong[bytes.Length / 8];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
        return values;
    }

    /// <summary>How a frame's first fragment begins, for the syntaxes where that is known.</summary>
    private static Func<ReadOnlySpan<byte>, bool>? FrameStartMarker(TransferSyntax syntax) => syntax.Uid switch
    {
        // JPEG (ITU T.81) and JPEG-LS (ITU T.87) streams start with SOI, FFD8.
        "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51" or "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70"
            or "1.2.840.10008.1.2.4.80" or "1.2.840.10008.1.2.4.81" => b => b.Length >= 2 && b[0] == 0xFF && b[1] == 0xD8,
        // JPEG 2000 (ITU T.800): a codestream starts with SOC FF4F, a JP2 file with its 12-byte signature box.
        "1.2.840.10008.1.2.4.90" or "1.2.840.10008.1.2.4.91" or "1.2.840.10008.1.2.4.92" or "1.2.840.10008.1.2.4.93"
            or "1.2.840.10008.1.2.4.201" or "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.4.203" =>
            b => (b.Length >= 2 && b[0] == 0xFF && b[1] == 0x4F) || b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20]),
        _ => null,
    };
}
