using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.Xml;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>One result as a Native DICOM Model document (PS3.19 A.1), one part of the multipart XML response.</summary>
internal static class QidoXml
{
    public static byte[] ToBytes(DicomDataset dataset)
    {
        using var buffer = new MemoryStream();
        DicomXmlWriter.Write(buffer, dataset);
        return buffer.ToArray();
    }
}
