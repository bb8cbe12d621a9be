using PacsEdge.Plugins;
using PacsEdge.Dicom;

namespace PacsEdge.Server.Store;

/// <summary>The verdict on a parsed instance: valid, or a failure reason with a human reason. Never thrown.</summary>
public sealed record StoreValidationResult(ushort? FailureReason, string? Reason)
{
    public static StoreValidationResult Valid { get; } = new(null, null);
    public bool IsValid => FailureReason is null;
    public static StoreValidationResult Fail(ushort code, string reason) => new(code, reason);
}

/// <summary>Decides whether a parsed instance may be stored (required UIDs, meta group, the request's study).</summary>
public interface IStoreDatasetValidator
{
    StoreValidationResult Validate(DicomFile file, StoreRequest request);
}
