using System.Security.Cryptography;
using System.Text.Json;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Dicom.IO;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;
using PacsEdge.Index.Tests.Support;
using PacsEdge.Testing;
using static PacsEdge.Index.Tests.Support.Instances;

namespace PacsEdge.Index.Tests;

/// <summary>
/// Real files nobody here wrote (pydicom's corpus) go through InstanceRecordFactory and the index; every stored
/// attribute read back by a query must equal what pydicom reads from the same file (both providers).
/// </summary>
public abstract class CorpusIndexTests(Func<IndexDatabase> db) : IndexTestBase(db)
{
    // pydicom's view of the indexed attributes: keyword -> value as DICOM text (multi-values joined by '\').
    private const string PydicomScript = """
        import json, sys, pydicom
        keywords = sys.argv[1].split(',')
        out = {}
        for path in sys.argv[2:]:
            try:
                ds = pydicom.dcmread(path, force=True, stop_before_pixels=True)
                values = {}
                for kw in keywords:
                    if kw not in ds: continue
                    v = ds[kw].value
                    if v is None or v == '': continue
                    items = list(v) if isinstance(v, pydicom.multival.MultiValue) else [v]
                    text = '\\'.join(str(int(x)) if isinstance(x, (int, pydicom.valuerep.IS)) else str(x) for x in items)
                    if ds[kw].VR == 'PN':  # PS3.5 6.2.1: trailing empty groups and components are insignificant
                        text = '\\'.join('='.join(g.rstrip('^ ') for g in n.split('=')).rstrip('=') for n in text.split('\\'))
                    if text.strip(): values[kw] = text
                out[path] = values
            except Exception as e:
                out[path] = None
        print(json.dumps(out))
        """;

    private static readonly IndexedAttribute[] Compared = IndexedAttributes.All
        .Where(a => a.Kind is not (MatchKind.ReturnOnly or MatchKind.ModalitiesInStudy)
                    && a.Tag != DicomTags.RetrieveAETitle && a.Tag != DicomTags.AvailableTransferSyntaxUID)
        .ToArray();

    [Fact]
    public async Task Indexed_values_of_corpus_files_equal_pydicoms()
    {
        var indexed = new List<(string Path, InstanceRecord Record)>();
        foreach (var path in CorpusFiles.All)
        {
            InstanceRecord record;
            try
            {
                var file = DicomFileReader.Read(path, DicomReaderOptions.UntilPixelData);
                var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
                record = InstanceRecordFactory.FromDataset(file.Dataset, path, new FileInfo(path).Length, sha, file.TransferSyntax.Uid);
            }
            catch (Exception e) when (e is DicomFormatException or ArgumentException) { continue; } // broken files, or no UIDs
            // Several corpus files share UIDs (variants of one image): only the first of each is indexed as Added.
            if ((await Index.AddInstanceAsync(record)).Outcome == AddInstanceOutcome.Added)
                indexed.Add((path, record));
        }
        Assert.True(indexed.Count >= 40, $"only {indexed.Count} corpus files were indexed");

        var keywords = string.Join(',', Compared.Select(a => DicomDictionary.KeywordOf(a.Tag)));
        var run = ExternalTool.RunChecked("/usr/bin/python3", ["-c", PydicomScript, keywords, .. indexed.Select(i => i.Path)], 120_000);
        var pydicom = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>?>>(run.StdOut)!;

        // Parent rows take the latest instance's values (documented), so a parent attribute is compared only for a
        // file that is the sole indexed member of its patient / study / series.
        // Patient values are kept per study (schema 2), so the patient level is compared like the study level.
        var studies = indexed.CountBy(i => i.Record.StudyInstanceUid).ToDictionary();
        var series = indexed.CountBy(i => i.Record.SeriesInstanceUid).ToDictionary();
        var compared = 0;
        foreach (var (path, record) in indexed)
        {
            var sop = record.SopInstanceUid;
            bool Sole(QueryLevel level) => level switch
            {
                QueryLevel.Patient or QueryLevel.Study => studies[record.StudyInstanceUid] == 1,
                QueryLevel.Series => series[record.SeriesInstanceUid] == 1,
                _ => true,
            };
            var expected = pydicom[path];
            if (expected is null) continue; // pydicom cannot read it: nothing to referee
            var row = Assert.Single((await Index.QueryAsync(InstancesQuery((DicomTags.SOPInstanceUID, sop)))).Rows);
            foreach (var attribute in Compared.Where(a => Sole(a.Level)))
            {
                var keyword = DicomDictionary.KeywordOf(attribute.Tag);
                expected.TryGetValue(keyword, out var want);
                if (attribute.Kind == MatchKind.Integer && want is not null)
                    // Integer columns keep the first value, and nothing for a value that is no integer (badVR.dcm's "1A").
                    want = int.TryParse(want.Split('\\')[0], out var n) ? n.ToString() : null;
                if ((attribute.Tag == DicomTags.PatientID || attribute.Tag == DicomTags.IssuerOfPatientID) && want is null) want = ""; // absent = the empty identity
                Assert.True(want?.Trim() == row[attribute.Tag], $"{Path.GetFileName(path)} {keyword}: index '{row[attribute.Tag]}', pydicom '{want}'");
            }
            compared++;
        }
        Assert.True(compared >= 40, $"only {compared} files compared");
    }
}

public sealed class SqliteCorpusIndexTests() : CorpusIndexTests(() => new SqliteIndexDatabase());
public sealed class PostgresCorpusIndexTests() : CorpusIndexTests(() => new PostgresIndexDatabase());
