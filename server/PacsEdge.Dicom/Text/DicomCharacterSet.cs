using System.Text;

namespace PacsEdge.Dicom.Text;

/// <summary>
/// Specific Character Set (0008,0005) as a decoder/encoder for the text VRs that use it.
/// Minimal version: default repertoire and ISO_IR 192; the full set (ISO 2022 code extensions) replaces it.
/// </summary>
public sealed class DicomCharacterSet
{
    public static readonly DicomCharacterSet Default = new([]);

    private readonly Encoding _encoding;

    private DicomCharacterSet(string[] terms)
    {
        Terms = terms;
        _encoding = terms.Length > 0 && terms[0] == "ISO_IR 192" ? Encoding.UTF8 : Encoding.Latin1;
    }

    /// <summary>The defined terms as given (value 1 may be empty: default repertoire without extensions).</summary>
    public IReadOnlyList<string> Terms { get; }

    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms) =>
        terms.Count == 0 || (terms.Count == 1 && terms[0].Length == 0) ? Default : new DicomCharacterSet(terms.ToArray());

    /// <summary>Decodes a whole value (all its multiple values, delimiters included) of a text VR.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr) =>
        vr.UsesSpecificCharacterSet() ? _encoding.GetString(bytes) : Encoding.Latin1.GetString(bytes);

    public byte[] Encode(string text, DicomVR vr) =>
        vr.UsesSpecificCharacterSet() ? _encoding.GetBytes(text) : Encoding.Latin1.GetBytes(text);
}
