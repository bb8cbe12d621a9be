using System.Globalization;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Model;

using PacsEdge.DicomWeb.Http;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// Turns one index row (tag -> DICOM string value) into the data set of one QIDO-RS result: the VR of each attribute
/// from the dictionary, binary numbers encoded as such, multi-values split at '\', RetrieveURL and InstanceAvailability
/// computed, and (0008,0005) "ISO_IR 192" when any text is non-ASCII (the index holds decoded Unicode text).
/// Requested attributes the row has no value for are returned empty, as a C-FIND response returns its keys.
/// </summary>
internal static class QidoDatasetBuilder
{
    /// <summary>The index holds only stored instances, so every one is ONLINE (PS3.3 C.4.23.1.1 / PS3.4 C.6.1.1.5.1).</summary>
    private const string Online = "ONLINE";

    public static DicomDataset Build(IndexRow row, QueryLevel level, IEnumerable<DicomTag> tags, DicomWebUrls urls)
    {
        var dataset = new DicomDataset();
        var wanted = tags.Distinct().Order().ToList();
        if (wanted.Any(t => row[t] is { } v && !IsAscii(v)))
            dataset.AddOrReplaceString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var tag in wanted)
        {
            if (tag == DicomTags.RetrieveURL)
            {
                if (RetrieveUrl(row, level, urls) is { } url) dataset.AddOrReplaceString(tag, DicomVR.UR, url);
                continue;
            }
            if (tag == DicomTags.InstanceAvailability)
            {
                dataset.AddOrReplaceString(tag, DicomVR.CS, Online);
                continue;
            }
            var vr = DicomDictionary.TryGetEntry(tag, out var entry) ? entry.DefaultVR : DicomVR.UN;
            if (vr is DicomVR.None or DicomVR.SQ or DicomVR.UN || vr.IsBulkBinary()) continue;
            Add(dataset, tag, vr, row[tag] ?? "");
        }
        return dataset;
    }

    private static string? RetrieveUrl(IndexRow row, QueryLevel level, DicomWebUrls urls)
    {
        var study = row[DicomTags.StudyInstanceUID];
        var series = row[DicomTags.SeriesInstanceUID];
        var sop = row[DicomTags.SOPInstanceUID];
        return level switch
        {
            QueryLevel.Study when study is not null => urls.Study(study),
            QueryLevel.Series when study is not null && series is not null => urls.Series(study, series),
            QueryLevel.Instance when study is not null && series is not null && sop is not null => urls.Instance(study, series, sop),
            _ => null,
        };
    }

    private static void Add(DicomDataset dataset, DicomTag tag, DicomVR vr, string value)
    {
        if (value.Length == 0)
        {
            dataset.AddOrReplace(new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
            return;
        }
        if (vr.IsBinaryNumber())
        {
            var parts = value.Split('\\');
            try
            {
                switch (vr)
                {
                    case DicomVR.US: dataset.AddOrReplaceUInt16(tag, parts.Select(p => ushort.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    case DicomVR.SS: dataset.AddOrReplaceInt16(tag, parts.Select(p => short.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    case DicomVR.UL: dataset.AddOrReplaceUInt32(tag, parts.Select(p => uint.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    case DicomVR.SL: dataset.AddOrReplaceInt32(tag, parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    case DicomVR.FL: dataset.AddOrReplaceFloat(tag, parts.Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    case DicomVR.FD: dataset.AddOrReplaceDouble(tag, parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray()); break;
                    default: return; // AT, UV, SV, OV...: nothing the index holds
                }
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                // A stored value that does not fit the dictionary's VR (a US-or-SS tag stored signed): left out, not a 500.
            }
            return;
        }
        if (vr.IsSingleValuedText()) dataset.AddOrReplaceString(tag, vr, value);
        else dataset.AddOrReplaceString(tag, vr, value.Split('\\'));
    }

    private static bool IsAscii(string value) => value.All(c => c < 0x80);
}
