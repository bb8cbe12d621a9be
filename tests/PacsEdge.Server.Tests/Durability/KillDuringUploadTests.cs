using System.Collections.Concurrent;
using System.Security.Cryptography;
using PacsEdge.Cli.Commands.Import;
using PacsEdge.Dicom.IO;
using PacsEdge.Phantom;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Durability;

/// <summary>
/// The durability promise (DESIGN.md): `pacsedge serve` is SIGKILLed while four clients upload through STOW-RS
/// (the `pacsedge import --server` client); after a restart every instance a STOW-RS response acknowledged is
/// there with identical bytes, and no index row points at a missing or partial file.
/// </summary>
public class KillDuringUploadTests
{
    private const int Clients = 4, SlicesPerClient = 80, BatchSize = 4;

    [Fact]
    public async Task Every_acknowledged_instance_survives_SIGKILL_byte_identical_and_no_row_points_at_a_bad_file()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        // Each client uploads its own series; SHA-256 of what it sent, by SOP Instance UID.
        var sent = new Dictionary<string, string>();
        var uploads = new List<ImportItem>[Clients];
        for (int c = 0; c < Clients; c++)
        {
            uploads[c] = [];
            var options = new SyntheticCtOptions { Seed = 100 + c, Slices = SlicesPerClient, Rows = 96, Columns = 96 };
            int i = 0;
            foreach (var file in SyntheticCtSeries.Generate(options))
            {
                var bytes = DicomFileWriter.ToBytes(file);
                var uid = SyntheticCtUids.Instance(options.Seed, i++);
                sent[uid] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                uploads[c].Add(new ImportItem(uid, () => new MemoryStream(bytes, writable: false), uid));
            }
        }

        var acknowledged = new ConcurrentDictionary<string, bool>();
        using (var server = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", data]))
        {
            var address = await server.WaitUntilReadyAsync();
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                await using var target = new StowRsImportTarget(address);
                foreach (var batch in uploads[c].Chunk(BatchSize))
                {
                    if (stop.IsCancellationRequested) return;
                    foreach (var outcome in await target.SendAsync(batch, CancellationToken.None))
                        if (outcome.Status is ImportStatus.Stored or ImportStatus.AlreadyStored) acknowledged[outcome.Name] = true;
                }
            })).ToArray();

            // Kill once a good part is acknowledged and the clients are still sending.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (acknowledged.Count < Clients * SlicesPerClient / 4 && DateTime.UtcNow < deadline && !clients.All(t => t.IsCompleted))
                await Task.Delay(20);
            server.Signal("KILL");
            await server.WaitForExitAsync(TimeSpan.FromSeconds(60));
            stop.Cancel();
            await Task.WhenAll(clients);
        }
        Assert.True(acknowledged.Count > 0, "no STOW-RS upload was acknowledged before the kill (is STOW-RS in place?)");
        Assert.True(acknowledged.Count < sent.Count, "every upload finished before the kill; the test did not kill mid-upload");

        // Restart on the same data directory: it must come up ready, then stop cleanly.
        using (var restarted = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", data]))
        {
            await restarted.WaitUntilReadyAsync();
            restarted.Signal("TERM");
            Assert.Equal(0, await restarted.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        var indexed = await DataDirectoryInspector.ReadAsync(data);
        var byUid = indexed.ToDictionary(i => i.Instance.Path.SopInstanceUid!);
        foreach (var uid in acknowledged.Keys)
        {
            Assert.True(byUid.TryGetValue(uid, out var row), $"acknowledged instance {uid} is not indexed after the restart");
            Assert.Equal(sent[uid], row.BlobSha256); // the file exists and holds exactly the bytes sent
            Assert.Equal(sent[uid], row.Instance.Sha256);
        }
        foreach (var row in indexed)
        {
            Assert.True(row.BlobExists, $"index row {row.Instance.Path.SopInstanceUid} points at missing {row.BlobPath}");
            Assert.Equal(row.Instance.BlobKey, row.BlobSha256); // no partial file behind a row
            Assert.True(sent.ContainsKey(row.Instance.Path.SopInstanceUid!), "an instance nobody sent is indexed");
        }
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "tmp"))); // a restart clears half-written temp files
    }
}
