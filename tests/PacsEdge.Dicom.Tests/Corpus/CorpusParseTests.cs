using PacsEdge.Testing;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Corpus;

public class CorpusParseTests
{
    [Fact]
    public void Corpus_is_complete() => Assert.True(CorpusFiles.All.Count >= 180, $"only {CorpusFiles.All.Count} corpus files found");

    /// <summary>Every corpus file parses, or fails with our typed exception carrying an offset.</summary>
    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Parses_or_fails_with_typed_exception(string name)
    {
        var path = CorpusFiles.PathOf(name);
        try
        {
            var file = DicomFileReader.Read(path);
            Assert.NotNull(file.Dataset);
        }
        catch (DicomFormatException e)
        {
            Assert.True(e.Offset >= 0, "a format error must say where");
        }
    }
}
