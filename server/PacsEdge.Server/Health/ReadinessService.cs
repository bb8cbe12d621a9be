using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PacsEdge.Server.Health;

/// <summary>
/// Runs the readiness checks after start-up, off the start path, and retries a failing one (a full disk
/// may be cleared) until all pass; until then GET /health answers 503 with the reason.
/// </summary>
public sealed class ReadinessService(IEnumerable<IReadinessCheck> checks, ReadinessState state, ILogger<ReadinessService> logger) : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var check in checks)
        {
            while (true)
            {
                try
                {
                    await check.CheckAsync(stoppingToken);
                    logger.LogInformation("Readiness check {Check} passed", check.Name);
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    state.MarkNotReady($"{check.Name}: {e.Message}");
                    logger.LogError(e, "Readiness check {Check} failed; retrying in {Delay}", check.Name, RetryDelay);
                    try { await Task.Delay(RetryDelay, stoppingToken); }
                    catch (OperationCanceledException) { return; }
                }
            }
        }
        state.MarkReady();
        logger.LogInformation("PacsEdge is ready to store");
    }
}
