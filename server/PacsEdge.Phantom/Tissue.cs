namespace PacsEdge.Phantom;

/// <summary>Mean CT numbers (HU) of the phantom's materials, typical of a chest CT.</summary>
public static class Tissue
{
    public const short Air = -1000;
    public const short Lung = -850;
    public const short Fat = -100;
    public const short SoftTissue = 40;
    public const short Bone = 700;
    /// <summary>The patient table (carbon fibre and foam, averaged).</summary>
    public const short Table = 150;
}
