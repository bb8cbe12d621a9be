namespace PacsEdge.Dicom.IO;

/// <summary>How sequences and items are delimited when written.</summary>
public enum SequenceLengthEncoding
{
    /// <summary>Explicit lengths everywhere (the default: smallest, and what most archives write).</summary>
    Defined,
    /// <summary>Undefined length with delimitation items everywhere (streaming writers, some viewers).</summary>
    Undefined,
    /// <summary>Each sequence and item as it was read.</summary>
    AsRead,
}

public sealed record DicomWriterOptions
{
    public static readonly DicomWriterOptions Default = new();

    /// <summary>
    /// The data set's encoding. Native data sets may be written Explicit or Implicit VR Little Endian;
    /// an encapsulated data set keeps its own transfer syntax (the writer does not transcode pixels).
    /// Null means the file's own transfer syntax (big-endian and deflated are written as Explicit VR LE).
    /// </summary>
    public TransferSyntax? TransferSyntax { get; init; }

    public SequenceLengthEncoding Sequences { get; init; } = SequenceLengthEncoding.Defined;

    /// <summary>Write the 128-byte preamble and "DICM" (PS3.10 7.1). Off for a bare data set stream.</summary>
    public bool WritePreamble { get; init; } = true;
}
