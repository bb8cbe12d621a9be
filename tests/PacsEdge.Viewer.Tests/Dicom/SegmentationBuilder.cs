using System.Globalization;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Uids;

namespace PacsEdge.Viewer.Tests.Dicom;

/// <summary>
/// A DICOM SEG (Segmentation Storage, BINARY, one segment) outlining the lesion of a <see cref="SyntheticCtSeries"/>:
/// one frame per CT slice the lesion touches, each pointing at its source slice (DerivationImageSequence /
/// SourceImageSequence) and placed by PlanePositionSequence, in the CT's frame of reference, with the CT series
/// in ReferencedSeriesSequence. This is the object OHIF loads from its series list and hydrates onto the CT.
/// </summary>
internal static class SegmentationBuilder
{
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";
    public const string SegmentLabel = "Lesion";

    public static DicomFile Create(SyntheticCtSeries ct, string seriesDescription)
    {
        var uids = new DicomUidGenerator();
        var first = ct.Slices[0].Dataset;
        var dimensionOrganization = uids.Generate();
        var frames = Enumerable.Range(0, ct.Slices.Count).Where(i => LesionSlice(i)).ToList();
        const int size = SyntheticCtSeries.Size;

        var ds = new DicomDataset()
            .Text(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")
            .Text(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY")
            .Text(DicomTags.SOPClassUID, DicomVR.UI, SegmentationStorage)
            .Text(DicomTags.SOPInstanceUID, DicomVR.UI, uids.Generate())
            .Text(DicomTags.StudyDate, DicomVR.DA, first.GetString(DicomTags.StudyDate)!)
            .Text(DicomTags.SeriesDate, DicomVR.DA, "20260116")
            .Text(DicomTags.ContentDate, DicomVR.DA, "20260116")
            .Text(DicomTags.StudyTime, DicomVR.TM, first.GetString(DicomTags.StudyTime)!)
            .Text(DicomTags.SeriesTime, DicomVR.TM, "090000")
            .Text(DicomTags.ContentTime, DicomVR.TM, "090000")
            .Text(DicomTags.AccessionNumber, DicomVR.SH, first.GetString(DicomTags.AccessionNumber)!)
            .Text(DicomTags.Modality, DicomVR.CS, "SEG")
            .Text(DicomTags.Manufacturer, DicomVR.LO, "PacsEdge tests")
            .Text(DicomTags.ReferringPhysicianName, DicomVR.PN, "")
            .Text(DicomTags.StudyDescription, DicomVR.LO, first.GetString(DicomTags.StudyDescription)!)
            .Text(DicomTags.SeriesDescription, DicomVR.LO, seriesDescription)
            .Text(DicomTags.ManufacturerModelName, DicomVR.LO, "SegmentationBuilder")
            .Sequence(DicomTags.ReferencedSeriesSequence, new DicomDataset()
                .Sequence(DicomTags.ReferencedInstanceSequence, [.. ct.Slices.Select(s => Reference(s.Dataset))])
                .Text(DicomTags.SeriesInstanceUID, DicomVR.UI, ct.SeriesInstanceUid))
            .Text(DicomTags.PatientName, DicomVR.PN, ct.PatientName)
            .Text(DicomTags.PatientID, DicomVR.LO, ct.PatientId)
            .Text(DicomTags.PatientBirthDate, DicomVR.DA, first.GetString(DicomTags.PatientBirthDate)!)
            .Text(DicomTags.PatientSex, DicomVR.CS, first.GetString(DicomTags.PatientSex)!)
            .Text(DicomTags.DeviceSerialNumber, DicomVR.LO, "1")
            .Text(DicomTags.SoftwareVersions, DicomVR.LO, "1")
            .Text(DicomTags.StudyInstanceUID, DicomVR.UI, ct.StudyInstanceUid)
            .Text(DicomTags.SeriesInstanceUID, DicomVR.UI, uids.Generate())
            .Text(DicomTags.StudyID, DicomVR.SH, first.GetString(DicomTags.StudyID)!)
            .Text(DicomTags.SeriesNumber, DicomVR.IS, "100")
            .Text(DicomTags.InstanceNumber, DicomVR.IS, "1")
            .Text(DicomTags.FrameOfReferenceUID, DicomVR.UI, ct.FrameOfReferenceUid)
            .Text(DicomTags.PositionReferenceIndicator, DicomVR.LO, "")
            .Sequence(DicomTags.DimensionOrganizationSequence, new DicomDataset()
                .Text(DicomTags.DimensionOrganizationUID, DicomVR.UI, dimensionOrganization))
            .Sequence(DicomTags.DimensionIndexSequence,
                Dimension(dimensionOrganization, DicomTags.ReferencedSegmentNumber, DicomTags.SegmentIdentificationSequence, "Segment number"),
                Dimension(dimensionOrganization, DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "Image position"))
            .AddOrReplaceUInt16(DicomTags.SamplesPerPixel, 1)
            .Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .Text(DicomTags.NumberOfFrames, DicomVR.IS, frames.Count.ToString(CultureInfo.InvariantCulture))
            .AddOrReplaceUInt16(DicomTags.Rows, size)
            .AddOrReplaceUInt16(DicomTags.Columns, size)
            .AddOrReplaceUInt16(DicomTags.BitsAllocated, 1)
            .AddOrReplaceUInt16(DicomTags.BitsStored, 1)
            .AddOrReplaceUInt16(DicomTags.HighBit, 0)
            .AddOrReplaceUInt16(DicomTags.PixelRepresentation, 0)
            .Text(DicomTags.LossyImageCompression, DicomVR.CS, "00")
            .Sequence(DicomTags.SharedFunctionalGroupsSequence, new DicomDataset()
                .Sequence(DicomTags.PlaneOrientationSequence, new DicomDataset()
                    .AddOrReplaceDecimalString(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0))
                .Sequence(DicomTags.PixelMeasuresSequence, new DicomDataset()
                    .AddOrReplaceDecimalString(DicomTags.SliceThickness, SyntheticCtSeries.SliceSpacingMm)
                    .AddOrReplaceDecimalString(DicomTags.PixelSpacing, SyntheticCtSeries.PixelSpacingMm, SyntheticCtSeries.PixelSpacingMm)
                    .AddOrReplaceDecimalString(DicomTags.SpacingBetweenSlices, SyntheticCtSeries.SliceSpacingMm)))
            .Sequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. frames.Select((slice, n) => FrameGroup(ct.Slices[slice].Dataset, n + 1))])
            .Text(DicomTags.ContentLabel, DicomVR.CS, "LESION")
            .Text(DicomTags.ContentDescription, DicomVR.LO, "Lesion outline")
            .Text(DicomTags.ContentCreatorName, DicomVR.PN, "PacsEdge^Tests")
            .Sequence(DicomTags.SegmentSequence, new DicomDataset()
                .Sequence(DicomTags.SegmentedPropertyCategoryCodeSequence, DatasetBuilding.Code("49755003", "SCT", "Morphologically Altered Structure"))
                .AddOrReplaceUInt16(DicomTags.SegmentNumber, 1)
                .Text(DicomTags.SegmentLabel, DicomVR.LO, SegmentLabel)
                .Text(DicomTags.SegmentAlgorithmType, DicomVR.CS, "MANUAL")
                .AddOrReplaceUInt16(DicomTags.RecommendedDisplayCIELabValue, 34885, 53485, 50171)
                .Sequence(DicomTags.SegmentedPropertyTypeCodeSequence, DatasetBuilding.Code("4147007", "SCT", "Mass")))
            .Text(DicomTags.SegmentationType, DicomVR.CS, "BINARY")
            .AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OB, PackedMasks(frames));
        return new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian);
    }

    private static bool LesionSlice(int index)
    {
        for (var y = 0; y < SyntheticCtSeries.Size; y++)
            for (var x = 0; x < SyntheticCtSeries.Size; x++)
                if (SyntheticCtSeries.InLesion(index, x, y)) return true;
        return false;
    }

    private static DicomDataset Reference(DicomDataset image) => new DicomDataset()
        .Text(DicomTags.ReferencedSOPClassUID, DicomVR.UI, image.GetString(DicomTags.SOPClassUID)!)
        .Text(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, image.GetString(DicomTags.SOPInstanceUID)!);

    private static DicomDataset Dimension(string organization, DicomTag pointer, DicomTag group, string label) => new DicomDataset()
        .Text(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization)
        .AttributeTag(DicomTags.DimensionIndexPointer, pointer)
        .AttributeTag(DicomTags.FunctionalGroupPointer, group)
        .Text(DicomTags.DimensionDescriptionLabel, DicomVR.LO, label);

    /// <summary>Per-frame groups: derivation from the source CT slice, dimension index, plane position, segment 1.</summary>
    private static DicomDataset FrameGroup(DicomDataset source, int frameNumber) => new DicomDataset()
        .Sequence(DicomTags.DerivationImageSequence, new DicomDataset()
            .Sequence(DicomTags.SourceImageSequence, Reference(source)
                .Sequence(DicomTags.PurposeOfReferenceCodeSequence, DatasetBuilding.Code("121322", "DCM", "Source image for image processing operation")))
            .Sequence(DicomTags.DerivationCodeSequence, DatasetBuilding.Code("113076", "DCM", "Segmentation")))
        .Sequence(DicomTags.FrameContentSequence, new DicomDataset()
            .AddOrReplaceUInt32(DicomTags.DimensionIndexValues, 1, (uint)frameNumber))
        .Sequence(DicomTags.PlanePositionSequence, new DicomDataset()
            .Text(DicomTags.ImagePositionPatient, DicomVR.DS, source.GetStrings(DicomTags.ImagePositionPatient)))
        .Sequence(DicomTags.SegmentIdentificationSequence, new DicomDataset()
            .AddOrReplaceUInt16(DicomTags.ReferencedSegmentNumber, 1));

    /// <summary>BINARY pixel data: one bit per pixel, least significant bit first, frames back to back (PS3.5 8.1.1).</summary>
    private static byte[] PackedMasks(IReadOnlyList<int> slices)
    {
        const int size = SyntheticCtSeries.Size;
        var bytes = new byte[(slices.Count * size * size + 7) / 8];
        long bit = 0;
        foreach (var slice in slices)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++, bit++)
                    if (SyntheticCtSeries.InLesion(slice, x, y)) bytes[bit >> 3] |= (byte)(1 << (int)(bit & 7));
        return bytes;
    }
}
