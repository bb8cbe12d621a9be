namespace PacsEdge.Index.Model;

/// <summary>The QIDO-RS resource levels (PS3.18 10.6); Patient holds attributes only, it is never queried on its own.</summary>
public enum QueryLevel
{
    Patient = 0,
    Study = 1,
    Series = 2,
    Instance = 3,
}
