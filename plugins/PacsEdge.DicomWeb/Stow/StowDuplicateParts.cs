using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Parts of one request are stored concurrently, so when the same instance (identical bytes) comes twice in one
/// request, either copy may be the one that lands first and the other is "already stored". The answer should not
/// depend on that race: the first part in request order is reported stored, the later copies already stored — as a
/// one-by-one store would answer. Only identical bytes are relabelled (the same blob key); parts that carry other
/// bytes under the same SOP Instance UID keep their own results.
/// </summary>
internal static class StowDuplicateParts
{
    public static List<StowOutcome> InRequestOrder(List<StowOutcome> outcomes)
    {
        var result = outcomes.OrderBy(o => o.PartIndex).ToList();
        foreach (var copies in result.Where(o => o.Result.Succeeded && o.Result.BlobKey is not null)
                     .GroupBy(o => (o.Result.SopInstanceUid, o.Result.BlobKey)).Where(g => g.Count() > 1))
        {
            var first = copies.First();
            var stored = copies.FirstOrDefault(o => o.Result.Status == StoreStatus.Stored);
            if (stored is null || stored == first) continue;
            // Swap the labels: the first copy gets the "stored" result, the one that won the race gets the first's.
            result[result.IndexOf(first)] = first with { Result = stored.Result };
            result[result.IndexOf(stored)] = stored with { Result = first.Result };
        }
        return result;
    }
}
