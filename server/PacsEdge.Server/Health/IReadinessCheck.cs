namespace PacsEdge.Server.Health;

/// <summary>
/// A start-up check that must pass before the server reports ready to store (GET /health 200). The blob
/// store registers one; the index adds its own. A check throws to say "not ready", with a reason.
/// </summary>
public interface IReadinessCheck
{
    string Name { get; }
    Task CheckAsync(CancellationToken cancellationToken);
}
