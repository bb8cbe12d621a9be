using System.Security.Cryptography;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Interop.Tests;

/// <summary>
/// Corpus files (pydicom's test files) that Debian's Orthanc accepts, one per SOP Instance UID and with no
/// study shared between files of different patients: every transfer syntax family the corpus has (explicit
/// little endian, big endian, deflate, RLE, JPEG baseline, JPEG 2000), SR and waveform objects, and a
/// GB18030 character set. Not rtdose.dcm and rtplan.dcm: their MediaStorageSOPInstanceUID differs from the
/// SOPInstanceUID, which Orthanc takes and PacsEdge's store pipeline refuses (a per-instance failure).
/// </summary>
public static class InteropCorpus
{
    public static readonly string[] Names =
    [
        "test_files/CT_small.dcm", "test_files/MR_small_RLE.dcm", "test_files/ExplVR_BigEnd.dcm", "test_files/693_J2KI.dcm",
        "test_files/GDCMJ2K_TextGBR.dcm", "test_files/SC_jpeg_no_color_transform.dcm", "test_files/SC_rgb_small_odd.dcm",
        "test_files/image_dfl.dcm", "test_files/liver_1frame.dcm", "test_files/reportsi.dcm",
        "test_files/test-SR.dcm", "test_files/waveform_ecg.dcm",
    ];

    public sealed record Item(string Name, byte[] Bytes, string Sha256, string StudyUid, string SeriesUid, string SopUid, string PatientId);

    public static IReadOnlyList<Item> Load() => [.. Names.Select(LoadOne)];

    private static Item LoadOne(string name)
    {
        var bytes = File.ReadAllBytes(CorpusFiles.PathOf(name));
        var dataset = DicomFileReader.Read(bytes, DicomReaderOptions.UntilPixelData).Dataset;
        return new Item(name, bytes, Sha256Of(bytes),
            Uid(dataset, DicomTags.StudyInstanceUID), Uid(dataset, DicomTags.SeriesInstanceUID), Uid(dataset, DicomTags.SOPInstanceUID),
            dataset.GetString(DicomTags.PatientID) ?? "");
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Uid(DicomDataset dataset, DicomTag tag) =>
        dataset.GetString(tag) ?? throw new InvalidOperationException($"{tag} missing");
}
