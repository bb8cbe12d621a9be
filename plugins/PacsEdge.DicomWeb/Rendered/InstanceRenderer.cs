using PacsEdge.Dicom;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Imaging;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Rendered;

/// <summary>
/// Reads one frame of a stored instance, decodes it when it is encapsulated, renders it to 8 bits, scales it and
/// encodes it. What cannot be rendered (no codec, palette color, corrupt pixel data) is a 406 with the reason.
/// </summary>
internal sealed class InstanceRenderer(IInstanceReader reader)
{
    public async Task<byte[]> RenderAsync(StoredInstance instance, int frameNumber, RenderedParameters parameters, string mediaType,
        bool thumbnail, CancellationToken cancellationToken)
    {
        var file = await reader.ReadAsync(instance, null, cancellationToken);
        // An instance without pixel data exists, so it is not a 404; it just has nothing to draw.
        if (!file.Dataset.Contains(DicomTags.PixelData))
            throw new PacsEdgeException(ErrorCode.NotAcceptable, $"Instance {instance.Path.SopInstanceUid} has no pixel data to render.");
        RenderedImage image;
        try
        {
            var info = PixelFrameInfo.FromDataset(file.Dataset);
            FrameRenderer.EnsureSupported(info); // before reading: the frame size rules of other layouts differ
            var frame = await reader.ReadFrameAsync(instance, frameNumber, cancellationToken);
            var decoded = frame.IsEncapsulated
                ? PixelDataCodecRegistry.Default.GetDecoder(TransferSyntax.FromUid(frame.TransferSyntaxUid)).DecodeFrame(frame.Data.Span, info)
                : new DecodedFrame(frame.Data.ToArray(), info);
            var presentation = ImagePresentation.FromDataset(file.Dataset, decoded.Info.BitsStored);
            image = FrameRenderer.Render(decoded.Info, decoded.Bytes, presentation, parameters.Window);
        }
        catch (Exception e) when (e is DicomCodecNotSupportedException or ImageRenderException)
        {
            throw new PacsEdgeException(ErrorCode.NotAcceptable, $"Instance {instance.Path.SopInstanceUid} cannot be rendered: {e.Message}.", e);
        }
        catch (Exception e) when (e is DicomFormatException or IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // A codec tripping over crafted input means corrupt data here, never a crash (as PixelDataDecoder treats it).
            throw new PacsEdgeException(ErrorCode.NotAcceptable, $"The pixel data of instance {instance.Path.SopInstanceUid} could not be decoded: {e.Message}", e);
        }

        if (parameters.ViewportWidth is int w && parameters.ViewportHeight is int h)
            image = ImageScaler.Fit(image, w, h);
        else if (thumbnail)
            image = ImageScaler.Fit(image, Math.Min(image.Width, RenderedParameters.DefaultThumbnailSize), Math.Min(image.Height, RenderedParameters.DefaultThumbnailSize));

        return mediaType == RenderedMediaType.Png
            ? ImageEncoder.EncodePng(image)
            : ImageEncoder.EncodeJpeg(image, parameters.Quality ?? ImageEncoder.DefaultJpegQuality);
    }
}
