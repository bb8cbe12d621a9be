using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Json;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Dicom.Xml;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>Writes the response module as DICOM JSON (PS3.18 F) or the Native DICOM Model (PS3.19 A.1).</summary>
internal static class StowResponseWriter
{
    public static async Task WriteAsync(HttpResponse response, DicomDataset dataset, StowResponseFormat format, CancellationToken cancellationToken)
    {
        // Encoded into memory first (Kestrel forbids synchronous writes); the module holds a few hundred bytes per instance.
        var buffer = new MemoryStream();
        if (format == StowResponseFormat.Xml)
        {
            response.ContentType = DicomWebMediaTypes.ApplicationDicomXml + "; charset=utf-8";
            DicomXmlWriter.Write(buffer, dataset);
        }
        else
        {
            response.ContentType = DicomWebMediaTypes.ApplicationDicomJson;
            DicomJsonWriter.Write(buffer, dataset);
        }
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }
}
