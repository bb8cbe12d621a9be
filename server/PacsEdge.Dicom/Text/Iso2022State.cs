namespace PacsEdge.Dicom.Text;

/// <summary>
/// The registers of ISO 2022 as DICOM uses them: what G0 and G1 hold. A value starts with the sets
/// of value 1 of Specific Character Set and returns to them at each reset character.
/// </summary>
internal record struct Iso2022State(GraphicCharacterSet G0, GraphicCharacterSet? G1)
{
    /// <summary>
    /// The state a value starts in. A value 1 that puts a multi-byte set in G0 (ISO 2022 IR 87 or
    /// 159, not a valid value 1) still starts in ASCII: the delimiters must be readable.
    /// </summary>
    public static Iso2022State Initial(CharacterSetTerm value1) =>
        new(value1.G0 is { BytesPerChar: 1 } g0 ? g0 : GraphicCharacterSets.Ascii, value1.G1);

    public Iso2022State With(GraphicCharacterSet set) =>
        set.Element == CodeElement.G0 ? this with { G0 = set } : this with { G1 = set };

    public readonly bool Holds(GraphicCharacterSet set) => set.Element == CodeElement.G0 ? G0 == set : G1 == set;
}
