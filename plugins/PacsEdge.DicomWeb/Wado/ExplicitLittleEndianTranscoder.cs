using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// Rewrites an uncompressed file (Implicit VR LE, Explicit VR BE, Deflated) as Explicit VR Little Endian. Values are
/// little endian once read (big-endian sources swap on load), so this is a re-encoding of the element headers; large
/// values stream from the stored file.
/// </summary>
internal static class ExplicitLittleEndianTranscoder
{
    private static readonly DicomWriterOptions WriterOptions = new() { TransferSyntax = TransferSyntax.ExplicitVRLittleEndian };

    public static Task WriteAsync(DicomFile file, Stream output, CancellationToken cancellationToken) =>
        SyncWriterPump.WriteAsync(stream => DicomFileWriter.Write(stream, file, WriterOptions), output, cancellationToken);
}
