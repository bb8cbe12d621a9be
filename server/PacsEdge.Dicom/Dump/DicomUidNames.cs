using System.Collections.Frozen;

namespace PacsEdge.Dicom.Dump;

/// <summary>Well-known UIDs and their PS3.6 Annex A keywords (generated table in DicomUidNames.g.cs).</summary>
internal static partial class DicomUidNames
{
    private static readonly FrozenDictionary<string, string> ByUid =
        CreateRows().ToFrozenDictionary(r => r.Uid, r => r.Keyword, StringComparer.Ordinal);

    public static bool TryGetKeyword(string uid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? keyword) =>
        ByUid.TryGetValue(uid, out keyword);
}
