namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>
/// A Huffman table from a DHT segment (ITU T.81 B.2.4.2), with the canonical code assignment of
/// Annex C and the decoding tables MINCODE, MAXCODE and VALPTR of F.2.2.3 (Figure F.16).
/// </summary>
internal sealed class JpegHuffmanTable
{
    private readonly int[] _minCode = new int[17];
    private readonly int[] _maxCode = new int[17]; // -1 where no code of that length exists
    private readonly int[] _valPtr = new int[17];
    private readonly byte[] _values;

    /// <param name="counts">BITS: the number of codes of each length 1..16.</param>
    /// <param name="values">HUFFVAL: the symbols in code order.</param>
    /// <param name="offset">Where the table was read, for error messages.</param>
    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values, long offset)
    {
        _values = values.ToArray();
        int code = 0, k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];
            _valPtr[length] = k;
            _minCode[length] = code;
            code += n;
            k += n;
            // Codes of one length must fit in that many bits (Annex C generates them in order).
            if (code > 1 << length)
                throw new DicomFormatException($"Huffman table has more codes of length {length} than fit", offset);
            _maxCode[length] = n > 0 ? code - 1 : -1;
            code <<= 1;
        }
    }

    /// <summary>Decodes one symbol (Figure F.16, DECODE), bit by bit; no valid code within 16 bits is corrupt data.</summary>
    public int Decode(ref JpegBitReader reader)
    {
        int code = 0;
        for (int length = 1; length <= 16; length++)
        {
            code = (code << 1) | reader.ReadBit();
            if (_maxCode[length] >= code && code >= _minCode[length])
                return _values[_valPtr[length] + code - _minCode[length]];
        }
        throw new DicomFormatException("no Huffman code matches the entropy-coded data", reader.Position);
    }
}
