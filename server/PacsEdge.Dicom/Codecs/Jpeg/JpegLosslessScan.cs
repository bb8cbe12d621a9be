namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>
/// Decodes one lossless scan (ITU T.81 H.2): per MCU, one Huffman-coded difference per component in
/// the scan (interleaved when several), added to a prediction from the neighbours Ra (left),
/// Rb (above) and Rc (above left), modulo 2^16.
/// </summary>
internal static class JpegLosslessScan
{
    /// <summary>Decodes the scan whose entropy-coded data starts at <paramref name="position"/>; returns where it ended.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int position, JpegFrameHeader frame, JpegScanHeader scan,
        JpegHuffmanTable?[] tables, int restartInterval, ushort[][] planes)
    {
        int width = frame.SamplesPerLine, height = frame.Lines;
        int pt = scan.PointTransform;
        int initial = 1 << (frame.Precision - pt - 1); // H.1.2.1: the prediction at the start of a scan and of each restart interval
        var componentPlanes = scan.ComponentIndexes.Select(i => planes[i]).ToArray();
        var componentTables = scan.TableIds.Select(t => tables[t]!).ToArray();
        var reader = new JpegBitReader(data, position);

        // Where the current restart interval began: its first sample gets `initial`, the rest of that
        // line predicts from the left (Ra), as at the start of the scan.
        int resetRow = 0, resetColumn = 0;
        int restartsSeen = 0;
        long mcu = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    reader.ReadRestartMarker(restartsSeen++ & 7);
                    resetRow = y;
                    resetColumn = x;
                }
                int at = y * width + x;
                for (int c = 0; c < componentPlanes.Length; c++)
                {
                    var plane = componentPlanes[c];
                    int prediction;
                    if (y == resetRow && x == resetColumn) prediction = initial;
                    else if (y == resetRow) prediction = plane[at - 1];
                    else if (x == 0) prediction = plane[at - width];
                    else prediction = Predict(scan.Predictor, plane[at - 1], plane[at - width], plane[at - width - 1]);
                    int difference = ReadDifference(ref reader, componentTables[c]);
                    plane[at] = (ushort)(prediction + difference); // modulo 2^16 (H.2.1)
                }
            }
        }
        if (pt > 0) // the decoder's output is the reconstructed value shifted back up by Pt (H.1.2.1, A.4)
            foreach (var plane in componentPlanes)
                for (int i = 0; i < plane.Length; i++) plane[i] = (ushort)(plane[i] << pt);
        return reader.Position;
    }

    /// <summary>Table H.1; the halving in 5 and 6 is an arithmetic right shift (H.1.2.1).</summary>
    private static int Predict(int selection, int ra, int rb, int rc) => selection switch
    {
        1 => ra,
        2 => rb,
        3 => rc,
        4 => ra + rb - rc,
        5 => ra + ((rb - rc) >> 1),
        6 => rb + ((ra - rc) >> 1),
        _ => (ra + rb) >> 1,
    };

    /// <summary>
    /// SSSS from the Huffman table, then SSSS extra bits (H.1.2.2, F.1.2.1.1 EXTEND); SSSS 16 is the
    /// difference 32768 with no extra bits.
    /// </summary>
    private static int ReadDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
        int ssss = table.Decode(ref reader);
        if (ssss == 0) return 0;
        if (ssss == 16) return 32768;
        if (ssss > 16) throw new DicomFormatException($"difference category {ssss} is above 16", reader.Position);
        int bits = reader.ReadBits(ssss);
        return bits < 1 << (ssss - 1) ? bits - (1 << ssss) + 1 : bits;
    }
}
