using System.Text.Json;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// Reads a STOW-RS response (PS3.18 10.5.3, DICOM JSON): ReferencedSOPSequence (0008,1199) items are stored,
/// with a WarningReason (0008,1196) when the server kept an identical copy it had already; FailedSOPSequence
/// (0008,1198) items carry a FailureReason (0008,1197). Outcomes are matched to the sent items by SOP Instance UID;
/// failures the server could not name (a part that is not DICOM) go to the unmatched items in order.
/// </summary>
internal static class StowRsResponse
{
    private const string ReferencedSopSequence = "00081199", FailedSopSequence = "00081198";
    private const string ReferencedSopInstanceUid = "00081155", FailureReason = "00081197", WarningReason = "00081196";

    public static IReadOnlyList<ImportOutcome> Match(IReadOnlyList<ImportItem> batch, IReadOnlyList<string?> uids, JsonElement root)
    {
        var byUid = new Dictionary<string, ImportOutcome>(StringComparer.Ordinal);
        var unnamedFailures = new Queue<string>();
        foreach (var item in Items(root, ReferencedSopSequence))
            if (Text(item, ReferencedSopInstanceUid) is { } uid)
                byUid[uid] = new ImportOutcome("", Text(item, WarningReason) is null ? ImportStatus.Stored : ImportStatus.AlreadyStored);
        foreach (var item in Items(root, FailedSopSequence))
        {
            var reason = $"failure reason 0x{Number(item, FailureReason) ?? 0:X4}";
            if (Text(item, ReferencedSopInstanceUid) is { } uid) byUid[uid] = new ImportOutcome("", ImportStatus.Failed, reason);
            else unnamedFailures.Enqueue(reason);
        }
        var outcomes = new ImportOutcome[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            if (uids[i] is { } uid && byUid.TryGetValue(uid, out var found)) outcomes[i] = found with { Name = batch[i].Name };
            else if (unnamedFailures.TryDequeue(out var reason)) outcomes[i] = new ImportOutcome(batch[i].Name, ImportStatus.Failed, reason);
            else outcomes[i] = new ImportOutcome(batch[i].Name, ImportStatus.Failed, "the STOW-RS response does not mention this instance");
        }
        return outcomes;
    }

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
