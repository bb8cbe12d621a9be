using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// Reads data elements from a <see cref="DicomInput"/> in one encoding (explicit/implicit VR,
/// little/big endian): tag, VR, length, value, recursing into sequences and encapsulated pixel data.
/// Everything that can go wrong becomes a <see cref="DicomFormatException"/> with tag and offset.
/// </summary>
internal sealed class DicomDatasetParser(DicomInput input, DicomReaderOptions options, bool explicitVR, bool bigEndian)
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private static readonly DicomTag Item = new(0xFFFEE000);
    private static readonly DicomTag ItemDelimitation = new(0xFFFEE00D);
    private static readonly DicomTag SequenceDelimitation = new(0xFFFEE0DD);

    private int _elementCount;

    /// <summary>Problems the reader worked around (as dcmtk logs warnings), in reading order.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>When set, the top level stops at the first element of another group (the file meta group).</summary>
    public ushort? OnlyGroup { get; init; }

    /// <summary>Set when reading stopped at <see cref="DicomReaderOptions.StopAtTag"/>: where the stop tag starts.</summary>
    public long? StoppedAt { get; private set; }

    /// <summary>Reads the top-level data set to the end of the input (or the stop tag).</summary>
    public void ReadTopLevel(DicomDataset dataset) => ReadElements(dataset, long.MaxValue, untilItemDelimiter: false, depth: 0, explicitVR, topLevel: true);

    /// <summary>
    /// Reads elements into a data set until <paramref name="end"/>, an item delimiter (undefined-length
    /// item) or the end of input (top level only).
    /// </summary>
    private void ReadElements(DicomDataset dataset, long end, bool untilItemDelimiter, int depth, bool isExplicit, bool topLevel)
    {
        while (input.Position < end)
        {
            long start = input.Position;
            if (!input.Ensure(8))
            {
                if (topLevel && input.AtEnd) return;
                if (topLevel && TrailingZeros()) return;
                if (!topLevel && !untilItemDelimiter && EndsInsideDefinedLength(end)) return;
                throw input.Truncated(null);
            }
            var tag = new DicomTag(input.ReadUInt16(bigEndian), input.ReadUInt16(bigEndian));
            if (tag.Group == 0xFFFE)
            {
                uint delimiterLength = input.ReadUInt32(bigEndian);
                if (tag == ItemDelimitation && untilItemDelimiter) return;
                if (tag == ItemDelimitation || tag == SequenceDelimitation)
                {
                    // A stray delimiter outside its context: dcmtk skips it too; its length must be 0.
                    if (delimiterLength != 0) throw new DicomFormatException($"delimiter with length {delimiterLength}", start, tag);
                    continue;
                }
                throw new DicomFormatException("item tag found where a data element was expected", start, tag);
            }
            if (topLevel && ((options.StopAtTag is { } stop && tag >= stop) || (OnlyGroup is { } g && tag.Group != g)))
            {
                StoppedAt = start;
                input.Advance(-4);
                return;
            }
            Count(start, tag);
            var item = ReadElementBody(dataset, tag, start, depth, isExplicit);
            dataset.AddOrReplace(item);
            if (input.Position > end) throw new DicomFormatException("element runs past the end of its item", start, tag);
        }
    }

    /// <summary>Reads VR and length (explicit) or looks up the VR (implicit), then the value. The tag is already consumed.</summary>
    private DicomItem ReadElementBody(DicomDataset dataset, DicomTag tag, long start, int depth, bool isExplicit)
    {
        DicomVR vr;
        uint length;
        var b = input.Peek(2);
        if (isExplicit && DicomVRInfo.TryParse(b[0], b[1], out vr))
        {
            input.Advance(2);
            if (vr.HasLongExplicitLength())
            {
                if (!input.Ensure(6)) throw input.Truncated(tag);
                input.Advance(2);
                length = input.ReadUInt32(bigEndian);
            }
            else length = input.ReadUInt16(bigEndian);
        }
        else if (isExplicit && IsUpperAscii(b[0]) && IsUpperAscii(b[1]))
        {
            // Letters that are no VR we know: a VR defined after this code was written. Every VR added
            // since 2007 (UC, UR, OD, OL, OV, SV, UV) uses the 4-byte length form, so read it like UN.
            input.Advance(2);
            if (!input.Ensure(6)) throw input.Truncated(tag);
            input.Advance(2);
            length = input.ReadUInt32(bigEndian);
            vr = DicomVR.UN;
        }
        else
        {
            // Implicit VR, or an explicit-VR stream whose writer switched to implicit for this element
            // (no letters where the VR belongs): 4-byte length, VR from the dictionary.
            length = input.ReadUInt32(bigEndian);
            vr = ImplicitVR(dataset, tag);
        }

        if (length == UndefinedLength)
        {
            if (vr == DicomVR.SQ || vr == DicomVR.UN)
                // PS3.5 6.2.2: a UN of undefined length is a sequence encoded Implicit VR Little Endian.
                return ReadSequence(tag, UndefinedLength, depth, vr == DicomVR.UN ? false : isExplicit, vr == DicomVR.UN);
            if (vr is DicomVR.OB or DicomVR.OW || tag == DicomTags.PixelData)
                return ReadFragments(tag, vr == DicomVR.OW ? DicomVR.OW : DicomVR.OB, depth);
            throw new DicomFormatException($"undefined length is not allowed for VR {vr.Code()}", start, tag);
        }
        if (vr == DicomVR.SQ) return ReadSequence(tag, length, depth, isExplicit, false);
        return new DicomElement(tag, vr, ReadValue(tag, vr, length));
    }

    private DicomSequence ReadSequence(DicomTag tag, uint length, int depth, bool isExplicit, bool forceLittleEndian)
    {
        if (depth + 1 > options.MaxSequenceDepth)
            throw new DicomFormatException($"sequences nested deeper than {options.MaxSequenceDepth}", input.Position, tag);
        if (forceLittleEndian && bigEndian)
            throw new DicomFormatException("UN sequence of undefined length in a big-endian data set", input.Position, tag);
        var sequence = new DicomSequence(tag) { UndefinedLength = length == UndefinedLength, ExplicitLength = length == UndefinedLength ? null : length };
        // A defined length is not checked against the input up front: a non-seekable stream cannot know
        // its end, and both read paths must decide alike (see EndsInsideDefinedLength).
        long end = length == UndefinedLength ? long.MaxValue : input.Position + length;
        while (input.Position < end)
        {
            long start = input.Position;
            if (!input.Ensure(8))
            {
                if (end != long.MaxValue && EndsInsideDefinedLength(end)) break;
                throw input.Truncated(tag);
            }
            var itemTag = new DicomTag(input.ReadUInt16(bigEndian), input.ReadUInt16(bigEndian));
            uint itemLength = input.ReadUInt32(bigEndian);
            if (itemTag == SequenceDelimitation) break;
            if (itemTag != Item)
                throw new DicomFormatException($"expected an item in the sequence, found {itemTag}", start, tag);
            Count(start, itemTag);
            var item = new DicomDataset { UndefinedLength = itemLength == UndefinedLength, ExplicitLength = itemLength == UndefinedLength ? null : itemLength, StreamOffset = start };
            sequence.Add(item); // before reading: nested text inherits this data set's character set
            if (itemLength == UndefinedLength)
                ReadElements(item, long.MaxValue, untilItemDelimiter: true, depth + 1, isExplicit, topLevel: false);
            else if (end != long.MaxValue && itemLength > end - input.Position)
            {
                // An item longer than what is left of its defined-length sequence (seen after
                // records were edited without fixing lengths): read it up to the sequence's end, as dcmtk does.
                Warnings.Add($"{itemTag} in {tag}: length {itemLength} runs past the sequence's end at byte {end}; read to there");
                ReadElements(item, end, untilItemDelimiter: false, depth + 1, isExplicit, topLevel: false);
            }
            else
                ReadElements(item, input.Position + itemLength, untilItemDelimiter: false, depth + 1, isExplicit, topLevel: false);
        }
        if (input.Position > end) throw new DicomFormatException("sequence items run past the sequence length", input.Position, tag);
        return sequence;
    }

    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr, int depth)
    {
        var fragments = new DicomFragmentSequence(tag, vr);
        bool first = true;
        while (true)
        {
            long start = input.Position;
            if (!input.Ensure(8)) throw input.Truncated(tag);
            var itemTag = new DicomTag(input.ReadUInt16(bigEndian), input.ReadUInt16(bigEndian));
            uint length = input.ReadUInt32(bigEndian);
            if (itemTag == SequenceDelimitation) return fragments;
            if (itemTag != Item || length == UndefinedLength)
                throw new DicomFormatException($"expected a pixel data fragment item, found {itemTag}", start, tag);
            Count(start, itemTag);
            var value = ReadValue(tag, DicomVR.OB, length);
            if (first) fragments.OffsetTable = value; else fragments.Fragments.Add(value);
            first = false;
        }
    }

    /// <summary>A value's bytes: left in the file when the options say so, otherwise read and made little-endian.</summary>
    private IByteSource ReadValue(DicomTag tag, DicomVR vr, uint length)
    {
        int swap = bigEndian ? vr.ElementSize() : 0;
        if (input.FilePath is not null && length > 0 && IsBulk(tag, vr, length))
        {
            long offset = input.Position;
            input.Skip(length, tag);
            return new FileRangeByteSource(input.FilePath, offset, length, swap);
        }
        var bytes = input.ReadValue(length, writable: swap > 1, tag);
        if (swap > 1 && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment))
            ByteSwap.InPlace(segment.AsSpan(), swap);
        return new MemoryByteSource(bytes);
    }

    private bool IsBulk(DicomTag tag, DicomVR vr, uint length) =>
        options.IsBulkData is { } predicate ? predicate(tag, vr, length) : length >= options.LazyValueThreshold;

    /// <summary>
    /// The VR an implicit element has: dictionary (with private creators), and PS3.5's rules for the
    /// ambiguous ones (US or SS by Pixel Representation; OB or OW is OW in implicit VR, PS3.5 A.1).
    /// </summary>
    private static DicomVR ImplicitVR(DicomDataset dataset, DicomTag tag)
    {
        string? creator = null;
        if (tag.IsPrivate && !tag.IsPrivateCreator && tag.Element >= 0x1000)
            creator = dataset.GetString(tag.PrivateCreatorTag);
        if (tag.IsPrivate || !DicomDictionary.TryGetEntry(tag, out var entry) || entry.ValueRepresentations.Length < 2)
            return DicomDictionary.ImplicitVR(tag, creator);
        var choices = entry.ValueRepresentations;
        if (choices.Contains(DicomVR.SS) && choices.Contains(DicomVR.US) && choices.Length == 2)
            return PixelRepresentation(dataset) == 1 ? DicomVR.SS : DicomVR.US;
        if (choices.Contains(DicomVR.OW)) return DicomVR.OW;
        return choices[0];
    }

    private static int PixelRepresentation(DicomDataset? dataset)
    {
        for (; dataset is not null; dataset = dataset.Parent)
            if (dataset.Contains(DicomTags.PixelRepresentation))
                return dataset.GetSingleValueOrDefault(DicomTags.PixelRepresentation, 0);
        return 0;
    }

    private static bool IsUpperAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    /// <summary>
    /// The data ended exactly between elements inside a sequence or item whose defined length says
    /// there is more. Some writers overstate lengths (the corpus's DICOMDIR-nooffset); dcmtk and pydicom
    /// close the sequence or item there, and so do we, with a warning. Ending inside an element is
    /// still a truncated file.
    /// </summary>
    private bool EndsInsideDefinedLength(long end)
    {
        if (!input.AtEnd) return false;
        Warnings.Add($"the data ends at byte {input.Position}, inside a sequence or item whose length runs to byte {end}; closed there");
        return true;
    }

    private void Count(long offset, DicomTag tag)
    {
        if (++_elementCount > options.MaxElementCount)
            throw new DicomFormatException($"more than {options.MaxElementCount} elements", offset, tag);
    }

    /// <summary>Some writers pad the end of a file with a few zero bytes; that is not a truncated element.</summary>
    private bool TrailingZeros()
    {
        int n = 0;
        while (n < 8 && input.Ensure(n + 1)) n++;
        var rest = input.Peek(n);
        if (rest.ContainsAnyExcept((byte)0)) return false;
        input.Advance(n);
        return true;
    }
}
