using System.Buffers.Binary;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Phantom;

/// <summary>
/// A synthetic axial chest CT series (<see cref="ChestPhantom"/>): one CT Image Storage instance per slice,
/// Explicit VR Little Endian, 16-bit signed pixels with RescaleIntercept -1024 (stored value = HU + 1024), a
/// lung window, and every Type 1 and 2 attribute of the CT Image IOD's modules (PS3.3 A.3). Deterministic:
/// the same options give byte-identical files.
/// </summary>
public static class SyntheticCtSeries
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const double RescaleIntercept = -1024;

    /// <summary>The slices from the base (lowest z, InstanceNumber 1) to the apex, generated one at a time.</summary>
    public static IEnumerable<DicomFile> Generate(SyntheticCtOptions options)
    {
        options.Validate();
        var uids = SyntheticCtUids.For(options.Seed);
        for (int i = 0; i < options.Slices; i++) yield return Slice(options, uids, i);
    }

    /// <summary>Pixel spacing (mm, the same along rows and columns).</summary>
    public static double PixelSpacing(SyntheticCtOptions options) => options.FieldOfView / options.Columns;

    /// <summary>ImagePositionPatient of slice <paramref name="index"/>: the field of view is centred on the origin.</summary>
    public static (double X, double Y, double Z) Position(SyntheticCtOptions options, int index)
    {
        double spacing = PixelSpacing(options);
        return (-(options.Columns - 1) / 2.0 * spacing, -(options.Rows - 1) / 2.0 * spacing,
            (index - (options.Slices - 1) / 2.0) * options.SliceThickness);
    }

    private static DicomFile Slice(SyntheticCtOptions options, SyntheticCtUids uids, int index)
    {
        var sopInstanceUid = SyntheticCtUids.Instance(options.Seed, index);
        var position = Position(options, index);
        var ds = new DicomDataset();
        ds.AddOrReplaceString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrReplaceString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrReplaceString(DicomTags.SOPClassUID, DicomVR.UI, CtImageStorage);
        ds.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid);
        foreach (var date in new[] { DicomTags.StudyDate, DicomTags.SeriesDate, DicomTags.AcquisitionDate, DicomTags.ContentDate })
            ds.AddOrReplaceString(date, DicomVR.DA, options.StudyDate);
        foreach (var time in new[] { DicomTags.StudyTime, DicomTags.SeriesTime, DicomTags.AcquisitionTime, DicomTags.ContentTime })
            ds.AddOrReplaceString(time, DicomVR.TM, "093000");
        ds.AddOrReplaceString(DicomTags.AccessionNumber, DicomVR.SH, options.AccessionNumber);
        ds.AddOrReplaceString(DicomTags.Modality, DicomVR.CS, "CT");
        ds.AddOrReplaceString(DicomTags.Manufacturer, DicomVR.LO, "PacsEdge");
        ds.AddOrReplaceString(DicomTags.ReferringPhysicianName, DicomVR.PN);
        ds.AddOrReplaceString(DicomTags.StudyDescription, DicomVR.LO, options.StudyDescription);
        ds.AddOrReplaceString(DicomTags.SeriesDescription, DicomVR.LO, options.SeriesDescription);
        ds.AddOrReplaceString(DicomTags.ManufacturerModelName, DicomVR.LO, "Synthetic chest phantom");
        ds.AddOrReplaceString(DicomTags.PatientName, DicomVR.PN, options.PatientName);
        ds.AddOrReplaceString(DicomTags.PatientID, DicomVR.LO, options.PatientId);
        ds.AddOrReplaceString(DicomTags.PatientBirthDate, DicomVR.DA);
        ds.AddOrReplaceString(DicomTags.PatientSex, DicomVR.CS, "O");
        ds.AddOrReplaceString(DicomTags.BodyPartExamined, DicomVR.CS, "CHEST");
        ds.AddOrReplaceDecimalString(DicomTags.SliceThickness, options.SliceThickness);
        ds.AddOrReplaceDecimalString(DicomTags.KVP, 120);
        ds.AddOrReplaceString(DicomTags.SoftwareVersions, DicomVR.LO, "PacsEdge phantom 1");
        ds.AddOrReplaceString(DicomTags.PatientPosition, DicomVR.CS, "HFS");
        ds.AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, uids.StudyInstanceUid);
        ds.AddOrReplaceString(DicomTags.SeriesInstanceUID, DicomVR.UI, uids.SeriesInstanceUid);
        ds.AddOrReplaceString(DicomTags.StudyID, DicomVR.SH, "1");
        ds.AddOrReplaceIntegerString(DicomTags.SeriesNumber, 1);
        ds.AddOrReplaceIntegerString(DicomTags.AcquisitionNumber, 1);
        ds.AddOrReplaceIntegerString(DicomTags.InstanceNumber, index + 1);
        ds.AddOrReplaceDecimalString(DicomTags.ImagePositionPatient, position.X, position.Y, position.Z);
        ds.AddOrReplaceDecimalString(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
        ds.AddOrReplaceString(DicomTags.FrameOfReferenceUID, DicomVR.UI, uids.FrameOfReferenceUid);
        ds.AddOrReplaceString(DicomTags.PositionReferenceIndicator, DicomVR.LO);
        ds.AddOrReplaceDecimalString(DicomTags.SliceLocation, position.Z);
        ds.AddOrReplaceUInt16(DicomTags.SamplesPerPixel, 1);
        ds.AddOrReplaceString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrReplaceUInt16(DicomTags.Rows, (ushort)options.Rows);
        ds.AddOrReplaceUInt16(DicomTags.Columns, (ushort)options.Columns);
        ds.AddOrReplaceDecimalString(DicomTags.PixelSpacing, PixelSpacing(options), PixelSpacing(options));
        ds.AddOrReplaceUInt16(DicomTags.BitsAllocated, 16);
        ds.AddOrReplaceUInt16(DicomTags.BitsStored, 16);
        ds.AddOrReplaceUInt16(DicomTags.HighBit, 15);
        ds.AddOrReplaceUInt16(DicomTags.PixelRepresentation, 1);
        // The lung preset; viewers use the first window unless told otherwise.
        ds.AddOrReplaceDecimalString(DicomTags.WindowCenter, -600);
        ds.AddOrReplaceDecimalString(DicomTags.WindowWidth, 1500);
        ds.AddOrReplaceString(DicomTags.WindowCenterWidthExplanation, DicomVR.LO, "LUNG");
        ds.AddOrReplaceDecimalString(DicomTags.RescaleIntercept, RescaleIntercept);
        ds.AddOrReplaceDecimalString(DicomTags.RescaleSlope, 1);
        ds.AddOrReplaceString(DicomTags.RescaleType, DicomVR.LO, "HU");
        ds.AddOrReplace(new DicomElement(DicomTags.PixelData, DicomVR.OW, Pixels(options, index)));
        return new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian);
    }

    private static byte[] Pixels(SyntheticCtOptions options, int index)
    {
        double spacing = PixelSpacing(options);
        var origin = Position(options, index);
        double t = options.Slices == 1 ? 0.5 : index / (double)(options.Slices - 1);
        var random = new DeterministicRandom(((ulong)(uint)options.Seed << 32) | (uint)index);
        var bytes = new byte[options.Rows * options.Columns * 2];
        for (int r = 0; r < options.Rows; r++)
        {
            double y = origin.Y + r * spacing;
            for (int c = 0; c < options.Columns; c++)
            {
                double hu = ChestPhantom.HounsfieldAt(origin.X + c * spacing, y, t);
                if (options.NoiseHu > 0) hu += options.NoiseHu * random.NextGaussian();
                var stored = (short)Math.Clamp(Math.Round(hu - RescaleIntercept), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan((r * options.Columns + c) * 2), stored);
            }
        }
        return bytes;
    }
}
