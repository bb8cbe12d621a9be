using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Bench;

/// <summary>
/// A realistic 512x512 16-bit CT slice: the header of the corpus file CT_small.dcm (a GE scanner's
/// patient, study, series, equipment, image plane and pixel modules plus its private groups, ~270
/// elements) with Rows/Columns set to 512 and a 512 KiB Pixel Data of smooth HU-like values.
/// </summary>
public static class SyntheticCtSlice
{
    public const string SourcePath = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
    public const int Size = 512;

    public static byte[] Build()
    {
        var file = DicomFileReader.Read(SourcePath);
        var dataset = file.Dataset;
        dataset.AddOrReplaceUInt16(DicomTags.Rows, Size);
        dataset.AddOrReplaceUInt16(DicomTags.Columns, Size);
        var pixels = new byte[Size * Size * 2];
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                // A disc of soft tissue (~1040) in air (~0), stored with a rescale intercept of -1024 style offsets.
                int dx = x - Size / 2, dy = y - Size / 2;
                ushort v = (ushort)(dx * dx + dy * dy < 200 * 200 ? 1040 + (x ^ y) % 40 : (x * 7 + y) % 16);
                pixels[(y * Size + x) * 2] = (byte)v;
                pixels[(y * Size + x) * 2 + 1] = (byte)(v >> 8);
            }
        dataset.AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OW, pixels);
        return DicomFileWriter.ToBytes(file, new DicomWriterOptions { TransferSyntax = TransferSyntax.ExplicitVRLittleEndian });
    }
}
