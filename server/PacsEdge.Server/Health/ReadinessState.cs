namespace PacsEdge.Server.Health;

/// <summary>Whether every readiness check has passed, and if not, why (shown by GET /health).</summary>
public sealed class ReadinessState
{
    private volatile string? _notReadyReason = "starting";

    public bool IsReady => _notReadyReason is null;
    public string? NotReadyReason => _notReadyReason;

    public void MarkReady() => _notReadyReason = null;
    public void MarkNotReady(string reason) => _notReadyReason = reason;
}
