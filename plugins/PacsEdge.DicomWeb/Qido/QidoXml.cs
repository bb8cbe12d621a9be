using PacsEdge.Dicom.Dataset;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>One result as a Native DICOM Model document (PS3.19 A.1), for the multipart XML response.</summary>
internal static class QidoXml
{
    public static byte[] ToBytes(DicomDataset dataset) => throw new NotImplementedException("waiting for DicomXmlWriter");
}
