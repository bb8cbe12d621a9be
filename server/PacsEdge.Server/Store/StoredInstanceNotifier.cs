using PacsEdge.Plugins;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PacsEdge.Server.Store;

/// <summary>
/// A bounded in-memory queue between the store path and the observers, drained by one background loop, so a
/// slow or failing observer never delays or fails a store (Orthanc's docs warn that its synchronous
/// OnStoredInstance callback can deadlock the store path). When the queue is full the event is dropped with a
/// warning rather than blocking the sender: the index stays the source of truth, observers can catch up by query.
/// </summary>
public sealed class StoredInstanceNotifier : BackgroundService
{
    public const int DefaultCapacity = 10_000;

    private readonly Channel<StoredInstanceEvent> _queue;
    private readonly IReadOnlyList<IStoredInstanceObserver> _observers;
    private readonly ILogger<StoredInstanceNotifier> _logger;
    private long _dropped;

    public StoredInstanceNotifier(IEnumerable<IStoredInstanceObserver> observers, ILogger<StoredInstanceNotifier> logger, int capacity = DefaultCapacity)
    {
        _observers = observers.ToArray();
        _logger = logger;
        _queue = Channel.CreateBounded<StoredInstanceEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue refuses instead of evicting
        });
    }

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the event without waiting; never throws.</summary>
    public void Publish(StoredInstanceEvent stored)
    {
        if (_observers.Count == 0) return;
        if (_queue.Writer.TryWrite(stored)) return;
        Interlocked.Increment(ref _dropped);
        _logger.LogWarning("The stored-instance queue is full; observers miss instance {SopInstanceUid}", stored.SopInstanceUid);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var stored in _queue.Reader.ReadAllAsync(stoppingToken))
                foreach (var observer in _observers)
                {
                    try { await observer.OnInstanceStoredAsync(stored, stoppingToken); }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                    catch (Exception e)
                    {
                        _logger.LogError(e, "Observer {Observer} failed on instance {SopInstanceUid}; the instance stays stored",
                            observer.GetType().Name, stored.SopInstanceUid);
                    }
                }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
