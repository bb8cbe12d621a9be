using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// A strong ETag for a metadata response: the SHA-256 of the stored set (each instance's path and file SHA-256, in
/// response order), the base URL the BulkDataURIs name and the bulk data threshold. Any stored, replaced or deleted
/// instance changes it; the same set gives the same tag on every server start.
/// </summary>
internal static class MetadataETag
{
    private const string FormatVersion = "pacsedge-wado-metadata-1";

    public static string Compute(IReadOnlyList<StoredInstance> instances, string baseUrl, long threshold)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{FormatVersion}\n{baseUrl}\n{threshold}\n"));
        foreach (var i in instances)
            hash.AppendData(Encoding.UTF8.GetBytes($"{i.Path.StudyInstanceUid}/{i.Path.SeriesInstanceUid}/{i.Path.SopInstanceUid} {i.Sha256}\n"));
        return "\"" + Convert.ToHexStringLower(hash.GetHashAndReset()) + "\"";
    }

    /// <summary>If-None-Match (RFC 9110 13.1.2): "*" or a list of tags, compared weakly as the RFC asks for this header.</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
