using PacsEdge.Testing;
using Xunit.Abstractions;

namespace PacsEdge.Dicom.Tests.Json;

/// <summary>Our DICOM JSON against dcmtk's dcm2json over the external corpus.</summary>
public class CorpusJsonTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Json_equals_dcm2json(string name)
    {
        var (outcome, detail) = CorpusJsonComparison.Compare(name);
        output.WriteLine($"{outcome}: {detail}");
        Assert.True(outcome != CorpusJsonComparison.Outcome.Different, $"{name} differs from dcm2json:\n{detail}");
    }

    /// <summary>The counts the issue reports: how many files were compared, equal, excepted.</summary>
    [Fact]
    public void Corpus_counts()
    {
        var results = CorpusFiles.All.Select(f => Path.GetRelativePath(CorpusFiles.Root, f)).Select(n => (Name: n, Result: CorpusJsonComparison.Compare(n))).ToList();
        int converted = results.Count(r => r.Result.Outcome != CorpusJsonComparison.Outcome.NotConvertedByDcmtk);
        int equal = results.Count(r => r.Result.Outcome == CorpusJsonComparison.Outcome.Equal);
        var excepted = results.Where(r => r.Result.Outcome == CorpusJsonComparison.Outcome.Excepted).ToList();
        var different = results.Where(r => r.Result.Outcome == CorpusJsonComparison.Outcome.Different).ToList();
        output.WriteLine($"corpus files {results.Count}, converted by dcm2json {converted}, equal {equal}, excepted {excepted.Count}, different {different.Count}");
        foreach (var e in excepted) output.WriteLine($"EXCEPTED {e.Name}: {e.Result.Detail}");
        foreach (var d in different) output.WriteLine($"DIFFERENT {d.Name}:\n{d.Result.Detail}");
        Assert.True(converted >= 130, $"dcm2json converted only {converted} files");
        Assert.True(excepted.Count <= 5);
        Assert.Empty(different.Select(d => d.Name));
        Assert.Equal(converted, equal + excepted.Count);
    }
}
