using System.Buffers;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>The response module in the Native DICOM Model (PS3.19 A.1).</summary>
internal static class StowXml
{
    public static void Write(IBufferWriter<byte> output, DicomDataset dataset) =>
        throw new NotSupportedException("waiting for the core's DicomXmlWriter");
}
