using System.Text.Json;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// Reads a STOW-RS response (PS3.18 10.5.3, DICOM JSON): ReferencedSOPSequence (0008,1199) items are stored,
/// and count as already stored when their WarningReason (0008,1196) is 0xB111 (PacsEdge's "identical instance
/// already stored"; other warnings, such as coerced values, still mean stored); FailedSOPSequence (0008,1198) items
/// carry a FailureReason (0008,1197), reported with its PS3.4/PS3.7 name. Outcomes are matched to the sent items by SOP Instance UID;
/// failures the server could not name (a part that is not DICOM) go to the unmatched items in order.
/// </summary>
internal static class StowRsResponse
{
    private const string ReferencedSopSequence = "00081199", FailedSopSequence = "00081198";
    private const string ReferencedSopInstanceUid = "00081155", FailureReason = "00081197", WarningReason = "00081196";
    private const long AlreadyStoredWarning = 0xB111;

    public static IReadOnlyList<ImportOutcome> Match(IReadOnlyList<ImportItem> batch, IReadOnlyList<string?> uids, JsonElement root)
    {
        // Each response item is used once: two parts of a batch may share a SOP Instance UID (a good file and a damaged
        // copy of it), and the server names no UID for a part it could not parse. Such a part takes the first unnamed
        // failure, so within one UID the earlier part gets the named outcome (the server reports parts in order).
        var byUid = new Dictionary<string, Queue<ImportOutcome>>(StringComparer.Ordinal);
        var unnamedFailures = new Queue<string>();
        foreach (var item in Items(root, ReferencedSopSequence))
            if (Text(item, ReferencedSopInstanceUid) is { } uid)
                Enqueue(byUid, uid, new ImportOutcome("", Number(item, WarningReason) == AlreadyStoredWarning ? ImportStatus.AlreadyStored : ImportStatus.Stored));
        foreach (var item in Items(root, FailedSopSequence))
        {
            var code = Number(item, FailureReason);
            var reason = code is { } c ? $"failure reason 0x{c:X4} ({FailureName(c)})" : "failed (the server gave no failure reason)";
            if (Text(item, ReferencedSopInstanceUid) is { } uid) Enqueue(byUid, uid, new ImportOutcome("", ImportStatus.Failed, reason));
            else unnamedFailures.Enqueue(reason);
        }
        var outcomes = new ImportOutcome[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            if (uids[i] is { } uid && byUid.TryGetValue(uid, out var named) && named.TryDequeue(out var found)) outcomes[i] = found with { Name = batch[i].Name };
            else if (unnamedFailures.TryDequeue(out var reason)) outcomes[i] = new ImportOutcome(batch[i].Name, ImportStatus.Failed, reason);
            else outcomes[i] = new ImportOutcome(batch[i].Name, ImportStatus.Failed, "the STOW-RS response does not mention this instance");
        }
        return outcomes;
    }

    private static void Enqueue(Dictionary<string, Queue<ImportOutcome>> byUid, string uid, ImportOutcome outcome)
    {
        if (!byUid.TryGetValue(uid, out var queue)) byUid[uid] = queue = new Queue<ImportOutcome>();
        queue.Enqueue(outcome);
    }

    /// <summary>PS3.4 B.2.3 and PS3.7 C.4 names of the Failure Reasons a STOW-RS server answers with.</summary>
    private static string FailureName(long code) => code switch
    {
        0x0110 => "processing failure",
        0x0111 => "duplicate SOP instance with other content",
        0x0122 => "SOP class not supported",
        >= 0xA700 and <= 0xA7FF => "out of resources",
        >= 0xA900 and <= 0xA9FF => "data set does not match SOP class",
        >= 0xC000 and <= 0xCFFF => "cannot understand",
        _ => "unknown failure reason",
    };

    private static IEnumerable<JsonElement> Items(JsonElement root, string tag) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(tag, out var sq) && sq.TryGetProperty("Value", out var value)
            && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static string? Text(JsonElement item, string tag) =>
        item.TryGetProperty(tag, out var e) && e.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
            ? v[0].ValueKind == JsonValueKind.String ? v[0].GetString() : v[0].GetRawText()
            : null;

    private static long? Number(JsonElement item, string tag) =>
        item.TryGetProperty(tag, out var e) && e.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.Array
            && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.Number && v[0].TryGetInt64(out var n) ? n : null;
}
