using System.Text;
using System.Text.Json;
using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests;

/// <summary>`pacsedge dump --json` against dcmtk's dcm2json on every corpus file dcm2json converts.</summary>
public class DumpJsonCorpusTests
{
    public static TheoryData<string> ConvertedByDcm2Json()
    {
        var data = new TheoryData<string>();
        foreach (var path in CorpusFiles.All)
            if (Dcm2Json.Run(path).ExitCode == 0) data.Add(Path.GetRelativePath(CorpusFiles.Root, path));
        return data;
    }

    [Theory]
    [MemberData(nameof(ConvertedByDcm2Json))]
    public void Json_equals_dcm2json_after_the_documented_normalization(string name)
    {
        var path = CorpusFiles.PathOf(name);
        var ours = PacsEdgeProcess.Run("dump", "--json", "--compact", path);
        Assert.True(ours.ExitCode == 0, ours.StdErr);
        if (CorpusJsonComparison.Excepted.ContainsKey(name)) return; // dcmtk's side is wrong there (reason in the list)
        var (_, expected, _) = Dcm2Json.Run(path);
        using var expectedDoc = JsonDocument.Parse(expected);
        using var actualDoc = JsonDocument.Parse(Encoding.UTF8.GetBytes(ours.StdOut));
        var differences = JsonNormalizedComparer.Differences(expectedDoc.RootElement, actualDoc.RootElement);
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(10)));
    }

    [Fact]
    public void Bulk_values_over_the_threshold_become_BulkDataURIs()
    {
        var path = CorpusFiles.PathOf("test_files/CT_small.dcm");
        var result = PacsEdgeProcess.Run("dump", "--json", "--bulk-data-threshold", "1024", "--bulk-data-uri-base", "http://pacs.example/dicom-web/studies/1", path);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        var pixels = doc.RootElement.GetProperty("7FE00010");
        Assert.Equal("http://pacs.example/dicom-web/studies/1/bulkdata/7FE00010", pixels.GetProperty("BulkDataURI").GetString());
        Assert.False(pixels.TryGetProperty("InlineBinary", out _));
        // Short binary values stay inline.
        Assert.True(doc.RootElement.GetProperty("FFFCFFFC").TryGetProperty("InlineBinary", out _));
    }
}
