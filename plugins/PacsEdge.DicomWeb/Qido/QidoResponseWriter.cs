using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Json;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// Writes QIDO-RS results. JSON: one array of DICOM JSON objects (PS3.18 F.2), [] when nothing matched. XML:
/// multipart/related; type="application/dicom+xml", one Native DICOM Model document per match (PS3.18 10.6.3.2);
/// with no match the body is empty (a multipart body needs at least one part, RFC 2046 5.1.1). Both are 200: PS3.18
/// CP-2473 replaced "204 for no match" by 200, which is what OHIF expects and Orthanc and dcm4chee answer.
/// </summary>
internal static class QidoResponseWriter
{
    private const int RowsPerFlush = 64;

    public static async Task WriteAsync(HttpResponse response, QidoResponseType type, IReadOnlyList<DicomDataset> results, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        if (type.Format == QidoFormat.Json)
        {
            response.ContentType = type.ContentType;
            await WriteJsonAsync(response.Body, results, cancellationToken);
            return;
        }
        var writer = new MultipartWriter(response.Body, DicomWebMediaTypes.ApplicationDicomXml);
        response.ContentType = writer.ContentTypeHeaderValue;
        if (results.Count == 0) return;
        foreach (var dataset in results)
        {
            var xml = QidoXml.ToBytes(dataset);
            await writer.WritePartAsync(new MultipartHeaders(DicomWebMediaTypes.ApplicationDicomXml), xml, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteJsonAsync(Stream body, IReadOnlyList<DicomDataset> results, CancellationToken cancellationToken)
    {
        // Utf8JsonWriter buffers and touches the stream only on flush, so the synchronous writes never block Kestrel.
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartArray();
        for (var i = 0; i < results.Count; i++)
        {
            WriteOne(json, results[i]);
            if (i % RowsPerFlush == RowsPerFlush - 1) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteOne(Utf8JsonWriter json, DicomDataset dataset)
    {
        // DicomJsonWriter.Write(Utf8JsonWriter, ...) flushes the writer itself; a buffered copy keeps that flush off Kestrel's stream.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        DicomJsonWriter.Write(buffer, dataset);
        json.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
    }
}
