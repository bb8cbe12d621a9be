namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>
/// A lossless JPEG decoder, Process 14 (ITU T.81 Annex H: sequential lossless, Huffman coding):
/// parses the marker segments (Annex B), decodes each scan, and returns one sample plane per
/// component, with the point transform undone. Every length and index is checked against the data,
/// and every loop is bounded by the image size, so bad input can only end in <see cref="DicomFormatException"/>.
/// </summary>
internal static class JpegLosslessDecoder
{
    private const int SOF3 = 0xC3, DHT = 0xC4, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, DNL = 0xDC, DRI = 0xDD;

    /// <summary>The decoded image: precision P and one plane of Lines x SamplesPerLine samples per component.</summary>
    public sealed record Image(JpegFrameHeader Frame, ushort[][] Planes);

    public static Image Decode(ReadOnlySpan<byte> data, int maxSamples)
    {
        if (data.Length < 2 || data[0] != 0xFF || data[1] != SOI)
            throw new DicomFormatException("not a JPEG stream: no SOI marker at its start", 0);
        var tables = new JpegHuffmanTable?[4];
        JpegFrameHeader? frame = null;
        ushort[][]? planes = null;
        bool[]? decoded = null;
        int restartInterval = 0;
        int pos = 2;
        while (true)
        {
            int marker = NextMarker(data, ref pos);
            if (marker == EOI || marker < 0) break; // a stream cut right after its last scan is accepted, as libjpeg does
            if (marker is >= 0xD0 and <= 0xD7 || marker == 0x01) continue; // parameterless: stray RSTm, TEM
            int length = SegmentLength(data, pos);
            var segment = data.Slice(pos + 2, length - 2);
            long at = pos + 2;
            switch (marker)
            {
                case SOF3:
                    if (frame is not null) throw new DicomFormatException("a second frame header", pos - 2);
                    frame = ReadFrameHeader(segment, at, maxSamples);
                    planes = frame.Components.Select(_ => new ushort[frame.Lines * frame.SamplesPerLine]).ToArray();
                    decoded = new bool[frame.Components.Length];
                    break;
                case >= 0xC0 and <= 0xCF and not DHT and not 0xC8 and not 0xCC:
                    throw new DicomFormatException($"SOF{marker - 0xC0} frame: only lossless Huffman coding (SOF3, Process 14) is decoded here", pos - 2);
                case 0xCC:
                    throw new DicomFormatException("arithmetic coding (DAC) is not Process 14", pos - 2);
                case DHT:
                    ReadHuffmanTables(segment, at, tables);
                    break;
                case DRI:
                    if (segment.Length != 2) throw new DicomFormatException("DRI segment is not 4 bytes long", pos - 2);
                    restartInterval = segment[0] << 8 | segment[1];
                    break;
                case SOS:
                    if (frame is null || planes is null || decoded is null) throw new DicomFormatException("scan before the frame header", pos - 2);
                    var scan = ReadScanHeader(segment, at, frame, tables);
                    pos += length;
                    pos = JpegLosslessScan.Decode(data, pos, frame, scan, tables, restartInterval, planes);
                    foreach (var c in scan.ComponentIndexes) decoded[c] = true;
                    continue;
                case DNL:
                    break; // Lines came from the frame header or the DICOM Rows (ReadFrameHeader)
                default:
                    break; // APPn, COM, DQT, DHP, EXP, JPGn: nothing a lossless decoder needs
            }
            pos += length;
        }
        if (frame is null || planes is null || decoded is null)
            throw new DicomFormatException("JPEG stream has no SOF3 frame header", pos);
        if (decoded.Any(d => !d))
            throw new DicomFormatException("JPEG stream ended before every component was decoded", pos);
        return new Image(frame, planes);
    }

    /// <summary>The next marker code at or after pos (skipping fill bytes and stray data), or -1 at the end.</summary>
    private static int NextMarker(ReadOnlySpan<byte> data, ref int pos)
    {
        while (pos < data.Length && data[pos] != 0xFF) pos++;
        while (pos < data.Length && data[pos] == 0xFF) pos++;
        if (pos >= data.Length) return -1;
        return data[pos++];
    }

    private static int SegmentLength(ReadOnlySpan<byte> data, int pos)
    {
        if (pos + 2 > data.Length) throw new DicomFormatException("marker segment length missing", pos);
        int length = data[pos] << 8 | data[pos + 1];
        if (length < 2 || pos + length > data.Length)
            throw new DicomFormatException($"marker segment of {length} bytes passes the end of the data", pos);
        return length;
    }

    private static JpegFrameHeader ReadFrameHeader(ReadOnlySpan<byte> s, long at, int maxSamples)
    {
        if (s.Length < 6) throw new DicomFormatException("SOF3 segment too short", at);
        int precision = s[0], lines = s[1] << 8 | s[2], columns = s[3] << 8 | s[4], count = s[5];
        if (precision is < 2 or > 16) throw new DicomFormatException($"sample precision {precision} is not 2 to 16 (H.4.1)", at);
        if (count is < 1 or > 4 || s.Length != 6 + 3 * count) throw new DicomFormatException($"SOF3 with {count} components and {s.Length} bytes", at);
        if (columns == 0) throw new DicomFormatException("frame of 0 samples per line", at);
        if (lines == 0) throw new DicomFormatException("frame with lines given by DNL is not supported", at);
        if ((long)lines * columns * count > maxSamples)
            throw new DicomFormatException($"frame of {columns} x {lines} x {count} samples is larger than the DICOM image", at);
        var components = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            int h = s[7 + 3 * i] >> 4, v = s[7 + 3 * i] & 15;
            if (h != 1 || v != 1) throw new DicomFormatException($"component {i + 1} is subsampled ({h}x{v}); lossless DICOM images are not", at);
            components[i] = new JpegComponent(s[6 + 3 * i], h, v);
        }
        return new JpegFrameHeader(precision, lines, columns, components);
    }

    private static void ReadHuffmanTables(ReadOnlySpan<byte> s, long at, JpegHuffmanTable?[] tables)
    {
        int i = 0;
        while (i < s.Length)
        {
            if (i + 17 > s.Length) throw new DicomFormatException("DHT segment too short", at + i);
            int tc = s[i] >> 4, th = s[i] & 15;
            if (tc > 1 || th > 3) throw new DicomFormatException($"Huffman table class {tc} id {th}", at + i);
            var counts = s.Slice(i + 1, 16);
            int total = 0;
            foreach (var c in counts) total += c;
            if (total > 256 || i + 17 + total > s.Length) throw new DicomFormatException($"Huffman table with {total} codes", at + i);
            var table = new JpegHuffmanTable(counts, s.Slice(i + 17, total), at + i);
            if (tc == 0) tables[th] = table; // lossless scans use the DC class only (H.2.2)
            i += 17 + total;
        }
    }

    private static JpegScanHeader ReadScanHeader(ReadOnlySpan<byte> s, long at, JpegFrameHeader frame, JpegHuffmanTable?[] tables)
    {
        if (s.Length < 1) throw new DicomFormatException("SOS segment too short", at);
        int count = s[0];
        if (count < 1 || count > frame.Components.Length || s.Length != 4 + 2 * count)
            throw new DicomFormatException($"SOS with {count} components and {s.Length} bytes", at);
        var indexes = new int[count];
        var tableIds = new int[count];
        for (int i = 0; i < count; i++)
        {
            int id = s[1 + 2 * i];
            indexes[i] = Array.FindIndex(frame.Components, c => c.Id == id);
            if (indexes[i] < 0) throw new DicomFormatException($"scan names component {id}, not in the frame", at);
            tableIds[i] = s[2 + 2 * i] >> 4;
            if (tableIds[i] > 3 || tables[tableIds[i]] is null) throw new DicomFormatException($"scan uses Huffman table {tableIds[i]}, never defined", at);
        }
        int predictor = s[1 + 2 * count], pointTransform = s[3 + 2 * count] & 15;
        if (predictor is < 1 or > 7) throw new DicomFormatException($"predictor (Ss) {predictor} is not 1 to 7 (Table H.1)", at);
        if (pointTransform >= frame.Precision) throw new DicomFormatException($"point transform {pointTransform} for precision {frame.Precision}", at);
        return new JpegScanHeader(indexes, tableIds, predictor, pointTransform);
    }
}
