using System.Net;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// A STOW-RS request body (PS3.18 10.5.1.2: multipart/related; type="application/dicom", one instance per part)
/// written straight from the files as the request is sent: no length is known up front, so it goes chunked and
/// only the copy buffer is in memory.
/// </summary>
internal sealed class StowRsContent : HttpContent
{
    private readonly IReadOnlyList<ImportItem> _items;
    private readonly string _boundary = MultipartBoundary.Generate();

    public StowRsContent(IReadOnlyList<ImportItem> items)
    {
        _items = items;
        // The writer builds the header value; the stream it is given here is never written.
        Headers.TryAddWithoutValidation("Content-Type", new MultipartWriter(Stream.Null, DicomWebMediaTypes.ApplicationDicom, _boundary).ContentTypeHeaderValue);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = new MultipartWriter(stream, DicomWebMediaTypes.ApplicationDicom, _boundary);
        foreach (var item in _items)
        {
            await using var body = item.Open();
            await writer.WritePartAsync(new MultipartHeaders(DicomWebMediaTypes.ApplicationDicom), body, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
