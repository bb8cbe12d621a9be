namespace PacsEdge.Server.Configuration;

/// <summary>
/// One entry of Index:ExtraTags: an attribute to index beyond the default return keys, so QIDO-RS can match and return it.
/// <see cref="Tag"/> is a keyword (BodyPartExamined) or eight hex digits (00180015); <see cref="Level"/> is the level whose
/// row keeps it: Patient, Study, Series or Instance.
/// </summary>
public sealed class ExtraTagOptions
{
    public string Tag { get; set; } = "";
    public string Level { get; set; } = "";
}
