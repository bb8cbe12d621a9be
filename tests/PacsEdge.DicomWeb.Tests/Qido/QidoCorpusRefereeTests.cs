using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Schema;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>
/// The referee: pydicom's corpus files are stored, found by QIDO-RS with includefield=all, and every returned
/// attribute read from the file equals what dcmtk's dcm2json prints for it. Study- and series-level attributes are
/// compared only where the file is alone in its study or series (a later instance may update its parents' rows).
/// </summary>
public sealed class QidoCorpusRefereeTests
{
    // Computed by the server or taken from the store, not from the data set: nothing in the file to compare with.
    private static readonly HashSet<string> NotFromTheFile =
    [
        Tags.RetrieveUrl, Tags.InstanceAvailability, Tags.SpecificCharacterSet, Tags.ModalitiesInStudy,
        Tags.NumberOfStudyRelatedSeries, Tags.NumberOfStudyRelatedInstances, Tags.NumberOfSeriesRelatedInstances,
        "00083002", "00080054",
    ];

    [Fact]
    public async Task Returned_values_of_corpus_files_equal_what_dcm2json_prints()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.WaitUntilReadyAsync();
        var store = server.App.Services.GetRequiredService<IStoreService>();
        var stored = new List<(string Path, StoreResult Result)>();
        foreach (var path in CorpusFiles.All)
        {
            await using var file = File.OpenRead(path);
            var result = await store.StoreAsync(file, new StoreRequest { Source = "referee" });
            if (result.Status == StoreStatus.Stored) stored.Add((path, result));
        }
        var filesPerStudy = stored.GroupBy(s => s.Result.StudyInstanceUid).ToDictionary(g => g.Key!, g => g.Count());
        var filesPerSeries = stored.GroupBy(s => s.Result.SeriesInstanceUid).ToDictionary(g => g.Key!, g => g.Count());

        var answers = new List<(string Path, StoreResult Result, JsonElement Ours)>();
        foreach (var (path, result) in stored)
        {
            var (_, results) = await QidoJson.GetAsync(server.Client, $"/dicom-web/instances?SOPInstanceUID={result.SopInstanceUid}&includefield=all");
            answers.Add((path, result, Assert.Single(results)));
        }
        // The patient row is shared by PatientID + IssuerOfPatientID, and the last instance's values win there.
        var filesPerPatient = answers.GroupBy(a => (a.Ours.Value(Tags.PatientId), a.Ours.Value("00100021"))).ToDictionary(g => g.Key, g => g.Count());

        var compared = 0;
        var failures = new List<string>();
        foreach (var (path, result, ours) in answers)
        {
            var (exit, json, _) = Dcm2Json.Run(path);
            if (exit != 0) continue; // dcm2json cannot read it: no referee for this file
            var theirs = JsonNode.Parse(json)!.AsObject();
            foreach (var attribute in ours.EnumerateObject())
            {
                if (NotFromTheFile.Contains(attribute.Name)) continue;
                var level = IndexedAttributes.TryGet(DicomTag.Parse(attribute.Name), out var a) ? a.Level : Index.Model.QueryLevel.Series;
                if (level == Index.Model.QueryLevel.Patient && filesPerPatient[(ours.Value(Tags.PatientId), ours.Value("00100021"))] > 1) continue;
                if (level <= Index.Model.QueryLevel.Study && filesPerStudy[result.StudyInstanceUid!] > 1) continue;
                if (level == Index.Model.QueryLevel.Series && filesPerSeries[result.SeriesInstanceUid!] > 1) continue;
                var expected = Normalize(theirs[attribute.Name]?["Value"]);
                var actual = Normalize(JsonNode.Parse(attribute.Value.GetRawText())!["Value"]);
                compared++;
                if (expected != actual)
                    failures.Add($"{Path.GetFileName(path)} {attribute.Name} {DicomDictionary.KeywordOf(DicomTag.Parse(attribute.Name))}: dcm2json {expected}, QIDO {actual}");
            }
        }
        Assert.True(stored.Count >= 30, $"only {stored.Count} corpus files were stored");
        Assert.True(compared >= 300, $"only {compared} values were compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// What both sides must agree on: values as JSON text, text trimmed, and person-name groups without trailing empty
    /// components (PS3.5 6.2.1 calls them insignificant; the index drops them). No value and an empty array are alike.
    /// </summary>
    private static string Normalize(JsonNode? values)
    {
        if (values is not JsonArray array || array.Count == 0) return "";
        var items = array.Select(v => v switch
        {
            JsonObject pn => string.Join("=", new[] { "Alphabetic", "Ideographic", "Phonetic" }
                .Select(g => (pn[g]?.GetValue<string>() ?? "").TrimEnd(' ', '^'))).TrimEnd('='),
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>().Trim(),
            null => "",
            _ => v.ToJsonString(),
        });
        return string.Join(" | ", items);
    }
}
