using PacsEdge.Testing;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Json;

namespace PacsEdge.Dicom.Tests.Json;

/// <summary>Corpus data set -> JSON -> data set -> JSON gives the same JSON, byte for byte.</summary>
public class CorpusJsonRoundTripTests
{
    private static readonly DicomJsonWriterOptions Options = new() { NonFiniteNumbers = NonFiniteNumberHandling.String };

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void Json_round_trips(string name)
    {
        DicomFile file;
        try
        {
            file = DicomFileReader.Read(CorpusFiles.PathOf(name));
        }
        catch (DicomFormatException)
        {
            return; // not a DICOM file (README, .json...) or truncated: the parse tests cover these
        }
        var first = DicomJsonWriter.ToJson(file.Dataset, Options);
        var dataset = DicomJsonReader.Read(first);
        var second = DicomJsonWriter.ToJson(dataset, Options);
        Assert.Equal(first, second);
        Assert.Equal(file.Dataset.Count(i => !i.Tag.IsGroupLength), dataset.Count);
    }
}
