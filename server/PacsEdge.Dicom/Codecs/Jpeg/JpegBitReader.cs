namespace PacsEdge.Dicom.Codecs.Jpeg;

/// <summary>
/// Reads entropy-coded bits (ITU T.81 F.2.2.5): most significant bit first, a 0xFF data byte is
/// followed by a stuffed 0x00 that is skipped. A marker inside a restart interval means the data
/// ended early; the reader never looks ahead, so it stops exactly where the decoder does.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    private int _current;
    private int _bitsLeft;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _pos = position;
    }

    /// <summary>Position of the next unread byte.</summary>
    public readonly int Position => _pos;

    public int ReadBit()
    {
        if (_bitsLeft == 0) LoadByte();
        _bitsLeft--;
        return (_current >> _bitsLeft) & 1;
    }

    public int ReadBits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++) value = (value << 1) | ReadBit();
        return value;
    }

    /// <summary>
    /// At a restart point: drop the fill bits of the last byte, then expect RSTm (F.1.2.3 and
    /// B.2.1: markers may be preceded by 0xFF fill bytes).
    /// </summary>
    public void ReadRestartMarker(int expected)
    {
        _bitsLeft = 0;
        if (_pos >= _data.Length || _data[_pos] != 0xFF)
            throw new DicomFormatException($"expected restart marker RST{expected}", _pos);
        while (_pos < _data.Length && _data[_pos] == 0xFF) _pos++;
        if (_pos >= _data.Length || _data[_pos] != 0xD0 + expected)
            throw new DicomFormatException($"expected restart marker RST{expected}, found {(_pos < _data.Length ? $"FF{_data[_pos]:X2}" : "the end of the data")}", _pos);
        _pos++;
    }

    private void LoadByte()
    {
        if (_pos >= _data.Length)
            throw new DicomFormatException("entropy-coded data ended early", _pos);
        byte b = _data[_pos];
        if (b == 0xFF)
        {
            if (_pos + 1 >= _data.Length || _data[_pos + 1] != 0x00)
                throw new DicomFormatException("entropy-coded data ended early: marker where data was expected", _pos);
            _pos += 2;
        }
        else _pos++;
        _current = b;
        _bitsLeft = 8;
    }
}
