namespace PacsEdge.PeerBench;

/// <summary>Runs work items with a fixed number of concurrent workers (each a loop over a shared queue).</summary>
public static class Concurrently
{
    public static async Task RunAsync<T>(IEnumerable<T> items, int workers, Func<T, Task> work)
    {
        using var queue = items.GetEnumerator();
        async Task Worker()
        {
            while (true)
            {
                T item;
                lock (queue)
                {
                    if (!queue.MoveNext()) return;
                    item = queue.Current;
                }
                await work(item);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)));
    }
}
