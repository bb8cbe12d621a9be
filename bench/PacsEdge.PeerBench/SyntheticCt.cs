using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Uids;

namespace PacsEdge.PeerBench;

/// <summary>
/// Synthetic CT instances: the header of the corpus file CT_small.dcm (a GE scanner's modules and private
/// groups) with new UIDs, a patient, study date and modality per study, and a square 16-bit image of
/// <paramref name="size"/> pixels (512 for the load phases, small for filling the index). Not thread-safe:
/// one generator per worker.
/// </summary>
public sealed class SyntheticCt(int size)
{
    public const string TemplatePath = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
    private static readonly string[] FamilyNames = ["SMITH", "JONES", "MULLER", "GARCIA", "NGUYEN", "ROSSI", "DUBOIS", "KOWALSKI", "TANAKA", "SILVA",
        "PETERS", "HANSEN", "NOVAK", "IVANOV", "COHEN", "MORI", "LEROY", "BAUER", "OLSEN", "WEBER"];
    private static readonly DicomUidGenerator Uids = new();

    private readonly DicomDataset _dataset = DicomFileReader.Read(TemplatePath).Dataset;
    private readonly byte[] _pixels = Pixels(size);

    public sealed record Study(int Number, string StudyUid, string SeriesUid, string PatientId, string PatientName, string StudyDate, string Modality);

    /// <summary>Study number n: patient n/2 (two studies per patient), dates spread over 2015-2024, one in ten an MR.</summary>
    public static Study NewStudy(int n)
    {
        var patient = n / 2;
        var date = new DateOnly(2015, 1, 1).AddDays(n * 7 % 3650);
        return new Study(n, Uids.Generate(), Uids.Generate(), $"PID{patient:D6}",
            $"{FamilyNames[patient % FamilyNames.Length]}{patient / FamilyNames.Length}^PAT{patient}", date.ToString("yyyyMMdd"), n % 10 == 9 ? "MR" : "CT");
    }

    public sealed record Generated(byte[] Bytes, string SopInstanceUid);

    public Generated Instance(Study study, int instanceNumber)
    {
        var sop = Uids.Generate();
        var d = _dataset;
        d.AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, study.StudyUid);
        d.AddOrReplaceString(DicomTags.SeriesInstanceUID, DicomVR.UI, study.SeriesUid);
        d.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
        d.AddOrReplaceString(DicomTags.PatientID, DicomVR.LO, study.PatientId);
        d.AddOrReplaceString(DicomTags.PatientName, DicomVR.PN, study.PatientName);
        d.AddOrReplaceString(DicomTags.StudyDate, DicomVR.DA, study.StudyDate);
        d.AddOrReplaceString(DicomTags.SeriesDate, DicomVR.DA, study.StudyDate);
        d.AddOrReplaceString(DicomTags.Modality, DicomVR.CS, study.Modality);
        d.AddOrReplaceString(DicomTags.AccessionNumber, DicomVR.SH, $"ACC{study.Number:D7}");
        d.AddOrReplaceString(DicomTags.StudyID, DicomVR.SH, study.Number.ToString());
        d.AddOrReplaceIntegerString(DicomTags.InstanceNumber, instanceNumber);
        d.AddOrReplaceUInt16(DicomTags.Rows, (ushort)size);
        d.AddOrReplaceUInt16(DicomTags.Columns, (ushort)size);
        d.AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OW, _pixels);
        return new(DicomFileWriter.ToBytes(new DicomFile(new DicomDataset(), d, TransferSyntax.ExplicitVRLittleEndian),
            new DicomWriterOptions { TransferSyntax = TransferSyntax.ExplicitVRLittleEndian }), sop);
    }

    private static byte[] Pixels(int size)
    {
        var pixels = new byte[size * size * 2];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                // A disc of soft tissue in air, with some texture so that nothing compresses to nothing.
                int dx = x - size / 2, dy = y - size / 2;
                var v = (ushort)(dx * dx + dy * dy < size * size * 3 / 20 ? 1040 + (x ^ y) % 40 : (x * 7 + y) % 16);
                pixels[(y * size + x) * 2] = (byte)v;
                pixels[(y * size + x) * 2 + 1] = (byte)(v >> 8);
            }
        return pixels;
    }
}
