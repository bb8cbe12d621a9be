using System.Buffers.Binary;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// Writes a data set in Explicit or Implicit VR Little Endian: values padded to even length with
/// their VR's padding byte, group length elements recomputed, sequences and items delimited as the
/// options say, encapsulated pixel data as items with a sequence delimiter.
/// </summary>
internal sealed class DicomDatasetWriter(Stream output, bool explicitVR, SequenceLengthEncoding sequences)
{
    private const uint Undefined = 0xFFFFFFFF;
    private readonly byte[] _header = new byte[12];

    public void Write(DicomDataset dataset)
    {
        foreach (var item in dataset)
        {
            if (item.Tag.IsGroupLength && item is DicomElement && item.Tag.Group != 0x0002)
            {
                WriteGroupLength(dataset, item.Tag.Group);
                continue;
            }
            WriteItem(item);
        }
    }

    private void WriteItem(DicomItem item)
    {
        switch (item)
        {
            case DicomElement e:
                var vr = DicomEncodedLength.EffectiveVR(e, explicitVR);
                WriteHeader(e.Tag, vr, (uint)DicomEncodedLength.Padded(e.Length));
                e.Value.CopyTo(output);
                if ((e.Length & 1) == 1) output.WriteByte(e.VR.PaddingByte());
                break;
            case DicomSequence s:
                bool undefined = DicomEncodedLength.SequenceUsesUndefined(s, explicitVR, sequences);
                WriteHeader(s.Tag, DicomVR.SQ, undefined ? Undefined : checked((uint)DicomEncodedLength.SequenceContent(s, explicitVR, sequences)));
                foreach (var i in s.Items) WriteSequenceItem(i);
                if (undefined) WriteDelimiter(0xFFFEE0DD);
                break;
            case DicomFragmentSequence f:
                WriteHeader(f.Tag, f.VR, Undefined);
                WriteFragment(f.OffsetTable);
                foreach (var fragment in f.Fragments) WriteFragment(fragment);
                WriteDelimiter(0xFFFEE0DD);
                break;
        }
    }

    private void WriteSequenceItem(DicomDataset item)
    {
        bool undefined = DicomEncodedLength.UsesUndefined(item.UndefinedLength, sequences);
        WriteTagAndLength(0xFFFEE000, undefined ? Undefined : checked((uint)DicomEncodedLength.Dataset(item, explicitVR, sequences)));
        Write(item);
        if (undefined) WriteDelimiter(0xFFFEE00D);
    }

    private void WriteFragment(Buffers.IByteSource fragment)
    {
        WriteTagAndLength(0xFFFEE000, (uint)DicomEncodedLength.Padded(fragment.Length));
        fragment.CopyTo(output);
        if ((fragment.Length & 1) == 1) output.WriteByte(0);
    }

    /// <summary>(gggg,0000) is retired outside group 0002 but kept when present; its value must be true.</summary>
    private void WriteGroupLength(DicomDataset dataset, ushort group)
    {
        long length = dataset.Where(i => i.Tag.Group == group && !i.Tag.IsGroupLength)
                             .Sum(i => DicomEncodedLength.Of(i, explicitVR, sequences));
        WriteHeader(new DicomTag(group, 0), DicomVR.UL, 4);
        Span<byte> v = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(v, checked((uint)length));
        output.Write(v);
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(2), tag.Element);
        if (!explicitVR)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(4), length);
            output.Write(_header, 0, 8);
            return;
        }
        _header[4] = (byte)((ushort)vr >> 8);
        _header[5] = (byte)vr;
        if (vr.HasLongExplicitLength())
        {
            _header[6] = _header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(8), length);
            output.Write(_header, 0, 12);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(6), checked((ushort)length));
            output.Write(_header, 0, 8);
        }
    }

    private void WriteTagAndLength(uint tag, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_header, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(2), (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(4), length);
        output.Write(_header, 0, 8);
    }

    private void WriteDelimiter(uint tag) => WriteTagAndLength(tag, 0);
}
