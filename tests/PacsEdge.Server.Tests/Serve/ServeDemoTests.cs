using System.Text.Json;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Serve;

/// <summary>
/// `pacsedge serve --demo` (what `./pacsedge.sh` with no arguments runs) as a real process: the server answers at
/// once, the demo study shows up in QIDO-RS within seconds, OHIF is served at /ohif/, and a restart on the same data
/// directory finds the study instead of storing it again.
/// </summary>
public class ServeDemoTests
{
    private const string DemoPatient = "PHANTOM^CHEST";

    private static Dictionary<string, string> OhifFromArtifacts() =>
        new() { ["PACSEDGE__Plugins__Ohif__Directory"] = RepoPaths.Of("artifacts", "ohif") };

    /// <summary>NumberOfStudyRelatedInstances of the demo study, polled until it reaches 120 or the deadline passes.</summary>
    private static async Task<int> WaitForDemoStudyAsync(HttpClient client, string address, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        int count = 0;
        while (DateTime.UtcNow < deadline)
        {
            var body = await client.GetStringAsync(address + "/dicom-web/studies?PatientName=" + Uri.EscapeDataString(DemoPatient));
            if (body.Length > 0)
            {
                using var json = JsonDocument.Parse(body);
                foreach (var study in json.RootElement.EnumerateArray())
                    count = int.Parse(study.GetProperty("00201208").GetProperty("Value")[0].GetRawText());
                if (count == 120) return count;
            }
            await Task.Delay(250);
        }
        return count;
    }

    [Fact]
    public async Task Serve_demo_lists_the_demo_study_in_QIDO_within_seconds_serves_OHIF_and_does_not_store_it_twice()
    {
        Assert.True(File.Exists(RepoPaths.Of("artifacts", "ohif", "index.html")), "OHIF is missing: run scripts/fetch-ohif.sh");
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using (var server = ServerProcess.Start(["serve", "--demo", "--urls", "http://127.0.0.1:0", "--data", data], OhifFromArtifacts()))
        {
            var address = await server.WaitUntilReadyAsync();
            Assert.Equal(120, await WaitForDemoStudyAsync(client, address, TimeSpan.FromSeconds(60)));
            Assert.Contains(server.StdOut, l => l.Contains("Demo study") && l.Contains("storing 120 slices"));

            var ohif = await client.GetAsync(address + "/ohif/");
            Assert.Equal(System.Net.HttpStatusCode.OK, ohif.StatusCode);
            Assert.Contains("<script", await ohif.Content.ReadAsStringAsync());
            server.Signal("TERM");
            Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        using (var again = ServerProcess.Start(["--demo", "--urls", "http://127.0.0.1:0", "--data", data], OhifFromArtifacts()))
        {
            var address = await again.WaitUntilReadyAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!again.StdOut.Any(l => l.Contains("Demo study") && l.Contains("already stored")) && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.Contains(again.StdOut, l => l.Contains("Demo study") && l.Contains("already stored"));
            Assert.DoesNotContain(again.StdOut, l => l.Contains("storing 120 slices"));
            Assert.Equal(120, await WaitForDemoStudyAsync(client, address, TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task Serve_without_demo_stores_nothing()
    {
        using var temp = new TempDirectory();
        using var server = ServerProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--data", temp.Combine("data")]);
        var address = await server.WaitUntilReadyAsync();
        await Task.Delay(1500); // time enough for a seeder to have started, had one been added
        using var client = new HttpClient();
        var body = await client.GetStringAsync(address + "/dicom-web/studies");
        Assert.True(body.Length == 0 || JsonDocument.Parse(body).RootElement.GetArrayLength() == 0, body);
        Assert.DoesNotContain(server.StdOut, l => l.Contains("Demo study"));
    }
}
