using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Hosting;

namespace PacsEdge.Testing;

/// <summary>
/// Reads what a data directory holds after a run, through a fresh offline host (so it takes the lock: the server
/// must have stopped): every indexed instance, and whether its blob exists with the SHA-256 its name promises.
/// </summary>
public static class DataDirectoryInspector
{
    public sealed record Indexed(StoredInstance Instance, string BlobPath, bool BlobExists, string? BlobSha256);

    public static async Task<IReadOnlyList<Indexed>> ReadAsync(string dataDirectory)
    {
        await using var app = PacsEdgeHost.Build(new HostSettings
        {
            DataDirectory = dataDirectory,
            Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        });
        var index = app.Services.GetRequiredService<IDicomIndex>();
        var studies = await index.QueryAsync(new IndexQuery(QueryLevel.Study) { Limit = 1_000_000 });
        var result = new List<Indexed>();
        foreach (var study in studies.Rows)
            foreach (var instance in await index.GetInstancesAsync(HierarchyPath.Study(study[Dicom.DicomTags.StudyInstanceUID]!)))
            {
                var path = Path.Combine(dataDirectory, "blobs", instance.BlobKey[..2], instance.BlobKey[2..4], instance.BlobKey);
                string? sha = null;
                if (File.Exists(path))
                    await using (var file = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
                result.Add(new Indexed(instance, path, File.Exists(path), sha));
            }
        return result;
    }
}
