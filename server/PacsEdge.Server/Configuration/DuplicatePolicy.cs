namespace PacsEdge.Server.Configuration;

/// <summary>Storage:OnDuplicate: what a store does with a SOP Instance UID already stored with other bytes.</summary>
public enum DuplicatePolicy
{
    /// <summary>Refuse it (failure 0x0111, the stored instance stays).</summary>
    Reject,
    /// <summary>Replace the stored instance atomically; its old file is deleted after the index commit.</summary>
    Overwrite,
}
