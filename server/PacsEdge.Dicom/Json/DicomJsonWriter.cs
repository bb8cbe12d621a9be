using System.Buffers;
using System.Text;
using System.Text.Json;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Json;

/// <summary>
/// Writes the DICOM JSON model (PS3.18 Annex F): one object per data set, keyed by "GGGGEEEE" in tag
/// order, each attribute with "vr" and "Value", "InlineBinary" or "BulkDataURI". Output streams
/// through <see cref="Utf8JsonWriter"/>, flushing as it goes, so a large data set never sits in
/// memory as JSON. Errors (NaN with <see cref="NonFiniteNumberHandling.Error"/>) throw
/// <see cref="DicomFormatException"/>.
/// </summary>
public static class DicomJsonWriter
{
    /// <summary>Writes one data set as a JSON object to a stream (UTF-8, no BOM).</summary>
    public static void Write(Stream output, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions(options));
        Write(writer, dataset, options);
    }

    public static void Write(IBufferWriter<byte> output, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions(options));
        Write(writer, dataset, options);
    }

    /// <summary>
    /// Writes one data set as a JSON object into a writer the caller owns (e.g. inside the array of a
    /// QIDO-RS or WADO-RS metadata response). Flushes the writer as it goes.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        new DicomJsonElementWriter(writer, options ?? DicomJsonWriterOptions.Default).WriteDataset(dataset, null, null);
        writer.Flush();
    }

    /// <summary>A file's data set, preceded by its file meta group when the options ask for it (dcm2json +m).</summary>
    public static void Write(Stream output, DicomFile file, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var writer = new Utf8JsonWriter(output, WriterOptions(options));
        var datasetWriter = new DicomJsonElementWriter(writer, options);
        datasetWriter.WriteDataset(file.Dataset, null, options.IncludeFileMetaInformation ? file.FileMetaInformation : null);
        writer.Flush();
    }

    public static string ToJson(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, dataset, options);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static JsonWriterOptions WriterOptions(DicomJsonWriterOptions? options) => new()
    {
        Indented = options?.Indented ?? false,
        // Values are DICOM text: keep non-ASCII as UTF-8 rather than \uXXXX escapes (still valid JSON).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };
}
