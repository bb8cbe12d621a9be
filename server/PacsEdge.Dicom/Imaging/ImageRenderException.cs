namespace PacsEdge.Dicom.Imaging;

/// <summary>
/// Pixel data this renderer cannot present (palette color, YBR, more than 16 bits, ...). Not a format error:
/// the data may be fine. The message says what is missing, for a 406 reason.
/// </summary>
public sealed class ImageRenderException(string message) : NotSupportedException(message);
