namespace PacsEdge.Dicom.Imaging;

/// <summary>
/// Extracts the stored value from a raw sample: the Bits Stored bits that end at High Bit (PS3.5 8.1.1),
/// sign-extended when Pixel Representation is 1. Bits outside that range (overlays, garbage) are ignored.
/// </summary>
internal readonly struct StoredValueReader
{
    private readonly int _shift;
    private readonly int _mask;
    private readonly int _bitsStored;
    private readonly bool _signed;

    public StoredValueReader(int bitsAllocated, int bitsStored, int highBit, bool signed)
    {
        _bitsStored = Math.Clamp(bitsStored, 1, bitsAllocated);
        // A High Bit that does not fit the allocated bits is ignored in favour of the usual Bits Stored - 1.
        int hb = highBit >= _bitsStored - 1 && highBit < bitsAllocated ? highBit : _bitsStored - 1;
        _shift = hb + 1 - _bitsStored;
        _mask = (1 << _bitsStored) - 1;
        _signed = signed;
    }

    public int Value(int raw)
    {
        int v = (raw >> _shift) & _mask;
        if (_signed && (v & (1 << (_bitsStored - 1))) != 0) v -= 1 << _bitsStored;
        return v;
    }
}
