namespace PacsEdge.Phantom;

/// <summary>
/// The chest as a few analytic shapes in patient coordinates (LPS, mm; x to the patient's left, y to the
/// back, z to the head), centred on the origin: an elliptic body with a fat layer under the skin, two lungs
/// that narrow towards the apex and base, a vertebral body behind them, and the table under the back. A later
/// issue replaces this with a randomized, realistic phantom; the shapes here only need to look like a chest.
/// </summary>
public static class ChestPhantom
{
    public const double BodySemiAxisX = 165, BodySemiAxisY = 115;
    public const double FatLayer = 12;
    public const double LungCenterX = 78, LungCenterY = -10, LungSemiAxisX = 52, LungSemiAxisY = 75;
    public const double SpineCenterY = 85, SpineRadius = 17;
    /// <summary>The table's top surface (y) and thickness; it spans the field of view left to right.</summary>
    public const double TableTop = BodySemiAxisY + 8, TableThickness = 10;

    /// <summary>Points well inside each structure on every slice, for tests and quick looks.</summary>
    public static readonly (double X, double Y) RightLungCenter = (-LungCenterX, LungCenterY);
    public static readonly (double X, double Y) LeftLungCenter = (LungCenterX, LungCenterY);
    public static readonly (double X, double Y) SpineCenter = (0, SpineCenterY);
    public static readonly (double X, double Y) Mediastinum = (0, -40);

    /// <summary>The mean CT number at (x, y) on a slice at relative height t (0 = base, 1 = apex).</summary>
    public static short HounsfieldAt(double x, double y, double t)
    {
        if (y >= TableTop && y <= TableTop + TableThickness) return Tissue.Table;
        double body = Ellipse(x, y, 0, 0, BodySemiAxisX, BodySemiAxisY);
        if (body > 1) return Tissue.Air;
        if (Circle(x, y, 0, SpineCenterY, SpineRadius)) return Tissue.Bone;
        // The lungs are widest in the middle and shrink to 60 % towards both ends, as a chest does.
        double scale = 0.6 + 0.4 * Math.Sin(Math.PI * Math.Clamp(t, 0, 1));
        if (Ellipse(x, y, -LungCenterX, LungCenterY, LungSemiAxisX * scale, LungSemiAxisY * scale) <= 1
            || Ellipse(x, y, LungCenterX, LungCenterY, LungSemiAxisX * scale, LungSemiAxisY * scale) <= 1)
            return Tissue.Lung;
        double inner = Ellipse(x, y, 0, 0, BodySemiAxisX - FatLayer, BodySemiAxisY - FatLayer);
        return inner > 1 ? Tissue.Fat : Tissue.SoftTissue;
    }

    /// <summary>(x-cx)²/a² + (y-cy)²/b²: at most 1 inside the ellipse.</summary>
    private static double Ellipse(double x, double y, double cx, double cy, double a, double b)
    {
        double dx = (x - cx) / a, dy = (y - cy) / b;
        return dx * dx + dy * dy;
    }

    private static bool Circle(double x, double y, double cx, double cy, double r) =>
        (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}
