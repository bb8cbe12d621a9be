using PacsEdge.Plugins;
using Microsoft.Extensions.Logging.Abstractions;
using PacsEdge.Server.Store;

namespace PacsEdge.Server.Tests.Store;

public class StoredInstanceNotifierTests
{
    private static StoredInstanceEvent Event(int i) => new("1.2", "1.2.3", $"1.2.3.{i}", "1.2.840.10008.5.1.4.1.1.2", new string('a', 64), 10, "1.2.840.10008.1.2.1", false, "test");

    /// <summary>An observer that blocks until released, standing for a slow plugin.</summary>
    private sealed class BlockingObserver : IStoredInstanceObserver
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Calls;
        public async Task OnInstanceStoredAsync(StoredInstanceEvent stored, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task A_blocked_observer_never_blocks_publishing_and_a_full_queue_drops_with_a_count()
    {
        var observer = new BlockingObserver();
        using var notifier = new StoredInstanceNotifier([observer], NullLogger<StoredInstanceNotifier>.Instance, capacity: 2);
        await notifier.StartAsync(CancellationToken.None);
        var publishing = Task.Run(() => { for (var i = 0; i < 10; i++) notifier.Publish(Event(i)); });
        await publishing.WaitAsync(TimeSpan.FromSeconds(5)); // a TimeoutException here: Publish waited for the observer
        // One event is with the observer, two wait in the queue; the other seven were dropped (the first may not have been taken yet).
        Assert.InRange(notifier.Dropped, 7, 8);
        observer.Release.SetResult();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (observer.Calls < 10 - notifier.Dropped && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(10 - notifier.Dropped, observer.Calls);
        await notifier.StopAsync(CancellationToken.None);
    }
}
