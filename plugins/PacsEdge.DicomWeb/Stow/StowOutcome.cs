using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// What became of one part of a STOW-RS request: the store pipeline's result, or a failure found before the part
/// reached it (wrong part media type, broken framing). <see cref="PartIndex"/> is zero-based.
/// </summary>
internal sealed record StowOutcome(int PartIndex, StoreResult Result)
{
    public static StowOutcome PartFailure(int partIndex, ushort failureReason, string reason) =>
        new(partIndex, StoreResult.Failure(failureReason, reason));
}
