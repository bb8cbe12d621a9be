using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom;

/// <summary>A Part 10 file: the file meta information (group 0002) and the data set it describes.</summary>
public sealed class DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, TransferSyntax transferSyntax)
{
    public DicomDataset FileMetaInformation { get; } = fileMetaInformation;
    public DicomDataset Dataset { get; } = dataset;

    /// <summary>The transfer syntax the data set was encoded in.</summary>
    public TransferSyntax TransferSyntax { get; } = transferSyntax;

    /// <summary>The 128-byte preamble, or null when the file had none (no "DICM" at offset 128).</summary>
    public byte[]? Preamble { get; init; }

    /// <summary>When reading stopped early (stop tag), the byte offset of the first element not read.</summary>
    public long? StoppedAtOffset { get; init; }

    /// <summary>What the reader worked around while reading (like dcmtk's warnings); empty for a clean file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
