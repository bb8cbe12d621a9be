using Microsoft.AspNetCore.Http;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>The study, series or instance a WADO-RS URL names, and the stored instances below it.</summary>
internal static class WadoTarget
{
    /// <summary>
    /// Checks the UIDs of the path (PS3.5 9.1: digits and dots, at most 64 characters) and lists the stored
    /// instances below it. A malformed UID (e.g. "..%2F..") is a 400 and never reaches the index; an unknown
    /// one, or an instance that exists under another study or series, is a 404.
    /// </summary>
    public static async Task<IReadOnlyList<StoredInstance>> ResolveAsync(
        IDicomIndex index, string study, string? series, string? instance, CancellationToken cancellationToken)
    {
        Check(study, "study");
        if (series is not null) Check(series, "series");
        if (instance is not null) Check(instance, "SOP instance");
        var path = new HierarchyPath(study, series, instance);
        var instances = await index.GetInstancesAsync(path, cancellationToken);
        if (instances.Count == 0) throw new PacsEdgeException(ErrorCode.ResourceNotFound, $"No {Describe(path)} is stored.");
        return instances;
    }

    public static async Task<StoredInstance> ResolveInstanceAsync(IDicomIndex index, string study, string series, string instance, CancellationToken cancellationToken) =>
        (await ResolveAsync(index, study, series, instance, cancellationToken))[0];

    public static string Describe(HierarchyPath path) =>
        path.SopInstanceUid is not null ? $"instance {path.SopInstanceUid} in series {path.SeriesInstanceUid} of study {path.StudyInstanceUid}"
        : path.SeriesInstanceUid is not null ? $"series {path.SeriesInstanceUid} in study {path.StudyInstanceUid}"
        : $"study {path.StudyInstanceUid}";

    private static void Check(string uid, string what)
    {
        bool ok = uid.Length is > 0 and <= 64;
        foreach (char c in uid) ok &= c is (>= '0' and <= '9') or '.';
        if (!ok) throw new PacsEdgeException(ErrorCode.InvalidParameter, $"The {what} UID '{Clip(uid)}' is not a DICOM UID (digits and dots, at most 64 characters).");
    }

    private static string Clip(string s) => s.Length > 70 ? s[..70] + "..." : s;
}
