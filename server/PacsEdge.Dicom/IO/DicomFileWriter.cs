using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.IO;

/// <summary>
/// Writes Part 10 files: preamble, "DICM", the file meta group (Explicit VR Little Endian, with a true
/// group length and the transfer syntax actually used), then the data set.
/// </summary>
public static class DicomFileWriter
{
    public static void Write(Stream output, DicomFile file, DicomWriterOptions? options = null)
    {
        options ??= DicomWriterOptions.Default;
        var syntax = ChooseSyntax(file, options);
        var buffered = output is BufferedStream or MemoryStream ? output : new BufferedStream(output, 64 * 1024);
        if (options.WritePreamble)
        {
            buffered.Write(file.Preamble is { Length: 128 } p ? p : new byte[128]);
            buffered.Write("DICM"u8);
        }
        var meta = BuildMeta(file, syntax);
        new DicomDatasetWriter(buffered, explicitVR: true, SequenceLengthEncoding.Defined).Write(meta);
        new DicomDatasetWriter(buffered, syntax.IsExplicitVR, options.Sequences).Write(file.Dataset);
        buffered.Flush();
    }

    public static void Write(string path, DicomFile file, DicomWriterOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Write(stream, file, options);
    }

    public static byte[] ToBytes(DicomFile file, DicomWriterOptions? options = null)
    {
        var ms = new MemoryStream();
        Write(ms, file, options);
        return ms.ToArray();
    }

    /// <summary>Writes only a data set (no preamble, no meta group), e.g. for DIMSE or tests.</summary>
    public static void WriteDataset(Stream output, DicomDataset dataset, bool explicitVR, SequenceLengthEncoding sequences = SequenceLengthEncoding.Defined)
    {
        var buffered = new BufferedStream(output, 64 * 1024);
        new DicomDatasetWriter(buffered, explicitVR, sequences).Write(dataset);
        buffered.Flush();
    }

    private static TransferSyntax ChooseSyntax(DicomFile file, DicomWriterOptions options)
    {
        bool encapsulated = file.Dataset.Get(DicomTags.PixelData) is DicomFragmentSequence;
        var wanted = options.TransferSyntax ?? file.TransferSyntax;
        if (encapsulated)
        {
            if (options.TransferSyntax is not null && options.TransferSyntax.Uid != file.TransferSyntax.Uid)
                throw new InvalidOperationException($"the pixel data is encapsulated ({file.TransferSyntax.Name}); writing it as {wanted.Name} needs a transcoder");
            return file.TransferSyntax;
        }
        if (wanted.IsEncapsulated)
        {
            // A data set without pixel data (e.g. a SEG's sibling objects) may carry any syntax: its encoding is explicit LE.
            if (file.Dataset.Get(DicomTags.PixelData) is DicomElement)
                throw new InvalidOperationException($"the pixel data is native; writing it as {wanted.Name} needs an encoder");
            return wanted;
        }
        // Big-endian and deflated are read-only here: values in memory are little-endian anyway.
        return wanted.IsExplicitVR ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
    }

    private static DicomDataset BuildMeta(DicomFile file, TransferSyntax syntax)
    {
        var meta = new DicomDataset(file.FileMetaInformation.Where(i => i.Tag.Group == 0x0002 && !i.Tag.IsGroupLength));
        meta.AddOrReplace(new DicomElement(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 }));
        SetIfMissing(meta, DicomTags.MediaStorageSOPClassUID, file.Dataset.GetString(DicomTags.SOPClassUID));
        SetIfMissing(meta, DicomTags.MediaStorageSOPInstanceUID, file.Dataset.GetString(DicomTags.SOPInstanceUID));
        meta.AddOrReplaceString(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid);
        SetIfMissing(meta, DicomTags.ImplementationClassUID, DicomImplementation.ClassUid);
        if (!meta.Contains(DicomTags.ImplementationClassUID) || meta.GetString(DicomTags.ImplementationClassUID) == DicomImplementation.ClassUid)
            SetIfMissing(meta, DicomTags.ImplementationVersionName, DicomImplementation.VersionName, DicomVR.SH);
        long length = DicomEncodedLength.Dataset(meta, explicitVR: true, SequenceLengthEncoding.Defined);
        meta.AddOrReplaceUInt32(DicomTags.FileMetaInformationGroupLength, checked((uint)length));
        return meta;
    }

    private static void SetIfMissing(DicomDataset meta, DicomTag tag, string? value, DicomVR vr = DicomVR.UI)
    {
        if (!meta.Contains(tag) && !string.IsNullOrEmpty(value)) meta.AddOrReplaceString(tag, vr, value);
    }
}
