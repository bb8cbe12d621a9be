using System.Buffers.Binary;
using System.Text.Json;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// Walks a data set and writes each attribute (PS3.18 F.2): the per-VR choice between "Value",
/// "InlineBinary" and "BulkDataURI", and the value encodings of F.2.3-F.2.7.
/// </summary>
internal sealed class DicomJsonElementWriter(Utf8JsonWriter writer, DicomJsonWriterOptions options)
{
    /// <summary>Bytes buffered in the writer before they are pushed to the output.</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>Writes a data set object; <paramref name="meta"/>'s elements (file meta group) come first.</summary>
    public void WriteDataset(DicomDataset dataset, DicomTagPath? sequence, DicomDataset? meta, int item = -1)
    {
        writer.WriteStartObject();
        if (meta is not null) foreach (var element in meta) WriteAttribute(element, meta, null, -1);
        foreach (var element in dataset) WriteAttribute(element, dataset, sequence, item);
        writer.WriteEndObject();
    }

    private void WriteAttribute(DicomItem item, DicomDataset owner, DicomTagPath? sequence, int itemIndex)
    {
        if (item.Tag.IsGroupLength && !options.IncludeGroupLengths) return;
        Span<char> key = stackalloc char[8];
        item.Tag.Value.TryFormat(key, out _, "X8", System.Globalization.CultureInfo.InvariantCulture);
        writer.WritePropertyName(key);
        writer.WriteStartObject();
        writer.WriteString("vr", item.VR == DicomVR.None ? "UN" : item.VR.Code());
        DicomTagPath Path() => sequence is null ? DicomTagPath.TopLevel(item.Tag) : sequence.Child(itemIndex, item.Tag);
        switch (item)
        {
            case DicomSequence sq:
                WriteSequence(sq, Path());
                break;
            case DicomFragmentSequence fragments:
                WriteEncapsulated(fragments, Path);
                break;
            case DicomElement e:
                WriteElementValue(e, owner, Path);
                break;
        }
        writer.WriteEndObject();
        if (writer.BytesPending > FlushThreshold) writer.Flush();
    }

    private void WriteSequence(DicomSequence sq, DicomTagPath path)
    {
        if (sq.Items.Count == 0) return;
        writer.WriteStartArray("Value");
        for (int i = 0; i < sq.Items.Count; i++) WriteDataset(sq.Items[i], path, null, i);
        writer.WriteEndArray();
    }

    private void WriteEncapsulated(DicomFragmentSequence fragments, Func<DicomTagPath> path)
    {
        long length = DicomJsonEncapsulated.EncodedLength(fragments);
        if (BulkDataUri(new DicomJsonBulkData(path(), fragments.VR, length, true)) is { } uri)
            writer.WriteString("BulkDataURI", uri);
        else
            writer.WriteBase64String("InlineBinary", DicomJsonEncapsulated.Encode(fragments));
    }

    private string? BulkDataUri(DicomJsonBulkData bulk) =>
        options.BulkDataUri is { } build && bulk.Length >= options.BulkDataThreshold ? build(bulk) : null;

    private void WriteElementValue(DicomElement e, DicomDataset owner, Func<DicomTagPath> path)
    {
        var vr = e.VR;
        if (e.Value is DicomJsonBulkDataReference reference)
        {
            // Read from JSON and never resolved: keep pointing where the JSON pointed.
            writer.WriteString("BulkDataURI", reference.Uri);
            return;
        }
        if (e.Length == 0 && !vr.IsString()) return; // strings: an empty (0008,0005) may still be rewritten
        if (vr.IsBulkBinary() || vr == DicomVR.None)
        {
            if (BulkDataUri(new DicomJsonBulkData(path(), vr, e.Length, false)) is { } uri)
                writer.WriteString("BulkDataURI", uri);
            else
                WriteInlineBinary(e);
            return;
        }
        if (vr == DicomVR.AT) WriteTags(e.Span);
        else if (vr.IsBinaryNumber()) WriteNumbers(e);
        else if (vr.IsString()) WriteStrings(e, owner);
        else WriteInlineBinary(e); // no other VR exists; be lossless if one appears
    }

    private void WriteInlineBinary(DicomElement e)
    {
        writer.WritePropertyName("InlineBinary");
        if (e.Value.IsLoaded || e.Length <= FlushThreshold)
        {
            writer.WriteBase64StringValue(e.Span);
            return;
        }
        // A value left in its file: copy it through in segments instead of loading it whole.
        using var segments = new Base64SegmentStream(writer);
        e.Value.CopyTo(segments);
        writer.WriteBase64StringSegment([], isFinalSegment: true);
    }

    private void WriteTags(ReadOnlySpan<byte> raw)
    {
        writer.WriteStartArray("Value");
        Span<char> hex = stackalloc char[8];
        foreach (var tag in DicomValueCodec.DecodeTags(raw))
        {
            tag.Value.TryFormat(hex, out _, "X8", System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteStringValue(hex);
        }
        writer.WriteEndArray();
    }

    private void WriteNumbers(DicomElement e)
    {
        var raw = e.Span;
        int size = e.VR.ElementSize();
        writer.WriteStartArray("Value");
        for (int i = 0; i + size <= raw.Length; i += size)
        {
            var s = raw.Slice(i, size);
            switch (e.VR)
            {
                case DicomVR.US: writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(s)); break;
                case DicomVR.SS: writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(s)); break;
                case DicomVR.UL: writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(s)); break;
                case DicomVR.SL: writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(s)); break;
                case DicomVR.FL: WriteFloat(BinaryPrimitives.ReadSingleLittleEndian(s), e.Tag); break;
                case DicomVR.FD: WriteDouble(BinaryPrimitives.ReadDoubleLittleEndian(s), e.Tag); break;
                case DicomVR.SV:
                    long sv = BinaryPrimitives.ReadInt64LittleEndian(s);
                    if (Math.Abs(sv) <= DicomJsonNumbers.MaxSafeInteger) writer.WriteNumberValue(sv);
                    else writer.WriteStringValue(DicomJsonNumbers.Invariant(sv));
                    break;
                case DicomVR.UV:
                    ulong uv = BinaryPrimitives.ReadUInt64LittleEndian(s);
                    if (uv <= DicomJsonNumbers.MaxSafeInteger) writer.WriteNumberValue(uv);
                    else writer.WriteStringValue(DicomJsonNumbers.Invariant(uv));
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private void WriteFloat(float value, DicomTag tag)
    {
        if (float.IsFinite(value)) writer.WriteNumberValue(value);
        else WriteNonFinite(value, tag);
    }

    private void WriteDouble(double value, DicomTag tag)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else WriteNonFinite(value, tag);
    }

    private void WriteNonFinite(double value, DicomTag tag)
    {
        if (options.NonFiniteNumbers == NonFiniteNumberHandling.Error)
            throw new DicomFormatException($"{value} cannot be a JSON number (NonFiniteNumbers is Error)", -1, tag);
        writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private void WriteStrings(DicomElement e, DicomDataset owner)
    {
        var vr = e.VR;
        string text = owner.CharacterSet.Decode(e.Span, vr);
        var values = DicomJsonStrings.Split(text, vr);
        if (e.Tag == DicomTags.SpecificCharacterSet && owner.Parent is null && options.RewriteSpecificCharacterSet
            && string.Join('\\', values) is not ("ISO_IR 192" or "ISO_IR 6"))
            (text, values) = ("ISO_IR 192", ["ISO_IR 192"]);
        if (DicomJsonStrings.IsEmpty(text, vr)) return;
        writer.WriteStartArray("Value");
        foreach (var value in values)
        {
            if (value.Length == 0) writer.WriteNullValue();
            else if (vr == DicomVR.PN) WritePersonName(value);
            else if (vr is DicomVR.IS or DicomVR.DS && DicomJsonNumbers.ToJsonNumber(value, vr) is { } number)
                writer.WriteRawValue(number, skipInputValidation: true);
            else writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private void WritePersonName(string value)
    {
        var groups = DicomJsonPersonName.Groups(value);
        if (groups.All(g => g is null))
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        for (int g = 0; g < groups.Length; g++)
            if (groups[g] is { } text) writer.WriteString(DicomJsonPersonName.GroupNames[g], text);
        writer.WriteEndObject();
    }

    /// <summary>Turns stream writes into base64 segments of one JSON string.</summary>
    private sealed class Base64SegmentStream(Utf8JsonWriter writer) : Stream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            writer.WriteBase64StringSegment(buffer, isFinalSegment: false);
            if (writer.BytesPending > FlushThreshold) writer.Flush();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
