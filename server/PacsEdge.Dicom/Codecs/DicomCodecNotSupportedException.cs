namespace PacsEdge.Dicom.Codecs;

/// <summary>
/// Pixel data in a transfer syntax PacsEdge has no codec for (JPEG baseline, JPEG-LS, JPEG 2000,
/// MPEG...). Not a format error: the data may be fine, we just cannot decode it. The message names
/// the transfer syntax by name and UID so an operator can act on it.
/// </summary>
public sealed class DicomCodecNotSupportedException(TransferSyntax transferSyntax, string? detail = null)
    : NotSupportedException($"no pixel data codec for transfer syntax {transferSyntax.Name} ({transferSyntax.Uid})" + (detail is null ? "" : $": {detail}"))
{
    public TransferSyntax TransferSyntax { get; } = transferSyntax;
}
