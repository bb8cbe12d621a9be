namespace PacsEdge.Index.Model;

public enum AddInstanceOutcome
{
    /// <summary>A new instance row was committed.</summary>
    Added,
    /// <summary>ReplaceInstance replaced the row of the same SOP Instance UID; <see cref="AddInstanceResult.PreviousBlobKey"/> names the old blob.</summary>
    Replaced,
    /// <summary>Same SOP Instance UID and same SHA-256: nothing written.</summary>
    AlreadyStoredIdentical,
    /// <summary>Same SOP Instance UID, different bytes: nothing written.</summary>
    Conflict,
    /// <summary>The instance (or its series) already belongs to another series (study): nothing written; <see cref="AddInstanceResult.ExistingParent"/> names it.</summary>
    HierarchyConflict,
}

/// <summary>The outcome of a write; <see cref="ExistingParent"/> is set for HierarchyConflict, <see cref="PreviousBlobKey"/> for Replaced and duplicates.</summary>
public sealed record AddInstanceResult(AddInstanceOutcome Outcome, HierarchyPath? ExistingParent = null, string? PreviousBlobKey = null)
{
    public bool IsStored => Outcome is AddInstanceOutcome.Added or AddInstanceOutcome.Replaced or AddInstanceOutcome.AlreadyStoredIdentical;
}
