using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Uids;

namespace PacsEdge.Viewer.Tests.Dicom;

/// <summary>
/// A small axial CT series made here (CT Image Storage, 16-bit signed, Explicit VR Little Endian): a water-like
/// body disk in air with a dense sphere ("lesion") in it whose cross-section changes from slice to slice, so the
/// rendered image has structure and a SEG has something to outline.
/// </summary>
internal sealed class SyntheticCtSeries
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const int Size = 256;
    public const double PixelSpacingMm = 1.0;
    public const double SliceSpacingMm = 2.5;

    public required string PatientName { get; init; }
    public required string PatientId { get; init; }
    public required string StudyInstanceUid { get; init; }
    public required string SeriesInstanceUid { get; init; }
    public required string FrameOfReferenceUid { get; init; }
    public required IReadOnlyList<DicomFile> Slices { get; init; }

    /// <summary>Centre of the sphere in pixel columns/rows and its radius in mm.</summary>
    public static (double X, double Y, double RadiusMm) Lesion => (150, 110, 20);

    public static SyntheticCtSeries Create(string patientName, string patientId, int sliceCount)
    {
        var uids = new DicomUidGenerator();
        var study = uids.Generate();
        var series = uids.Generate();
        var frame = uids.Generate();
        var slices = new List<DicomFile>();
        for (var i = 0; i < sliceCount; i++)
        {
            var ds = new DicomDataset()
                .Text(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")
                .Text(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL")
                .Text(DicomTags.SOPClassUID, DicomVR.UI, CtImageStorage)
                .Text(DicomTags.SOPInstanceUID, DicomVR.UI, uids.Generate())
                .Text(DicomTags.StudyDate, DicomVR.DA, "20260115")
                .Text(DicomTags.StudyTime, DicomVR.TM, "101500")
                .Text(DicomTags.AccessionNumber, DicomVR.SH, "ACC-OHIF-1")
                .Text(DicomTags.Modality, DicomVR.CS, "CT")
                .Text(DicomTags.Manufacturer, DicomVR.LO, "PacsEdge tests")
                .Text(DicomTags.ReferringPhysicianName, DicomVR.PN, "")
                .Text(DicomTags.StudyDescription, DicomVR.LO, "Synthetic chest CT")
                .Text(DicomTags.SeriesDescription, DicomVR.LO, "Axial 2.5 mm")
                .Text(DicomTags.PatientName, DicomVR.PN, patientName)
                .Text(DicomTags.PatientID, DicomVR.LO, patientId)
                .Text(DicomTags.PatientBirthDate, DicomVR.DA, "19700101")
                .Text(DicomTags.PatientSex, DicomVR.CS, "O")
                .Text(DicomTags.BodyPartExamined, DicomVR.CS, "CHEST")
                .Text(DicomTags.PatientPosition, DicomVR.CS, "HFS")
                .Text(DicomTags.SliceThickness, DicomVR.DS, "2.5")
                .Text(DicomTags.KVP, DicomVR.DS, "120")
                .Text(DicomTags.StudyInstanceUID, DicomVR.UI, study)
                .Text(DicomTags.SeriesInstanceUID, DicomVR.UI, series)
                .Text(DicomTags.StudyID, DicomVR.SH, "1")
                .Text(DicomTags.SeriesNumber, DicomVR.IS, "1")
                .Text(DicomTags.AcquisitionNumber, DicomVR.IS, "1")
                .Text(DicomTags.InstanceNumber, DicomVR.IS, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .AddOrReplaceDecimalString(DicomTags.ImagePositionPatient, -Size / 2.0 * PixelSpacingMm, -Size / 2.0 * PixelSpacingMm, SliceZ(i))
                .AddOrReplaceDecimalString(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
                .Text(DicomTags.FrameOfReferenceUID, DicomVR.UI, frame)
                .Text(DicomTags.PositionReferenceIndicator, DicomVR.LO, "")
                .AddOrReplaceDecimalString(DicomTags.SliceLocation, SliceZ(i))
                .AddOrReplaceUInt16(DicomTags.SamplesPerPixel, 1)
                .Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
                .AddOrReplaceUInt16(DicomTags.Rows, Size)
                .AddOrReplaceUInt16(DicomTags.Columns, Size)
                .AddOrReplaceDecimalString(DicomTags.PixelSpacing, PixelSpacingMm, PixelSpacingMm)
                .AddOrReplaceUInt16(DicomTags.BitsAllocated, 16)
                .AddOrReplaceUInt16(DicomTags.BitsStored, 16)
                .AddOrReplaceUInt16(DicomTags.HighBit, 15)
                .AddOrReplaceUInt16(DicomTags.PixelRepresentation, 1)
                .AddOrReplaceDecimalString(DicomTags.WindowCenter, 40)
                .AddOrReplaceDecimalString(DicomTags.WindowWidth, 400)
                .AddOrReplaceDecimalString(DicomTags.RescaleIntercept, -1024)
                .AddOrReplaceDecimalString(DicomTags.RescaleSlope, 1)
                .Text(DicomTags.RescaleType, DicomVR.LO, "HU")
                .AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OW, Pixels(i));
            slices.Add(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian));
        }
        return new SyntheticCtSeries
        {
            PatientName = patientName, PatientId = patientId, StudyInstanceUid = study, SeriesInstanceUid = series,
            FrameOfReferenceUid = frame, Slices = slices,
        };
    }

    public static double SliceZ(int index) => -100 + index * SliceSpacingMm;

    /// <summary>Whether pixel (column x, row y) of slice <paramref name="index"/> lies inside the sphere.</summary>
    public static bool InLesion(int index, int x, int y)
    {
        var (cx, cy, r) = Lesion;
        var dz = SliceZ(index) - SliceZ(2); // the sphere is centred on the third slice
        var dx = (x - cx) * PixelSpacingMm;
        var dy = (y - cy) * PixelSpacingMm;
        return dx * dx + dy * dy + dz * dz <= r * r;
    }

    /// <summary>Stored values (HU + 1024): air -1000, body disk ~40 HU with a soft gradient, lesion +300 HU.</summary>
    private static byte[] Pixels(int index)
    {
        var bytes = new byte[Size * Size * 2];
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                double dx = x - Size / 2.0, dy = (y - Size / 2.0) * 1.3;
                var hu = dx * dx + dy * dy < 110 * 110 ? 20 + (x + y) % 40 : -1000;
                if (InLesion(index, x, y)) hu = 300;
                var stored = (short)(hu + 1024);
                var offset = (y * Size + x) * 2;
                bytes[offset] = (byte)stored;
                bytes[offset + 1] = (byte)(stored >> 8);
            }
        return bytes;
    }
}
