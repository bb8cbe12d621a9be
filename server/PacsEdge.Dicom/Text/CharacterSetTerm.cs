namespace PacsEdge.Dicom.Text;

/// <summary>
/// One defined term of Specific Character Set (0008,0005) and what it designates: the sets it puts
/// into G0 and G1 (ISO 2022 terms and the single-byte terms without extensions), or, for the
/// stand-alone multi-byte terms (ISO_IR 192, GB18030, GBK), the code page that decodes the whole value.
/// </summary>
internal sealed record CharacterSetTerm(
    string DefinedTerm,
    GraphicCharacterSet? G0,
    GraphicCharacterSet? G1,
    int StandAloneCodePage = 0,
    bool UsesCodeExtensions = false)
{
    /// <summary>UTF-8, GB18030 and GBK cannot be combined with code extensions (PS3.3 Table C.12-5).</summary>
    public bool IsStandAlone => StandAloneCodePage != 0;

    /// <summary>The sets this term makes available, G0 first.</summary>
    public IEnumerable<GraphicCharacterSet> Sets
    {
        get
        {
            if (G0 is not null) yield return G0;
            if (G1 is not null) yield return G1;
        }
    }
}
