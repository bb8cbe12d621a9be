using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Index;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// WADO-RS Retrieve Study / Series / Instance (PS3.18 10.4.1.1.1): multipart/related; type="application/dicom",
/// one part per instance, each streamed from its stored file (never a whole study in memory).
/// </summary>
internal sealed class RetrieveHandler(IDicomIndex index, IInstanceReader reader)
{
    public async Task HandleAsync(HttpContext context, string study, string? series, string? instance)
    {
        var ct = context.RequestAborted;
        var accepted = AcceptHeader.Read(context.Request);
        var instances = await WadoTarget.ResolveAsync(index, study, series, instance, ct);
        var plans = RetrieveNegotiation.Plan(instances, accepted);
        var served = plans.Where(p => p is not null).Select(p => p!).ToList();
        if (served.Count == 0)
            throw AcceptHeader.NotAcceptable(instances.Count == 1 ? "this instance" : $"any of the {instances.Count} instances", accepted);

        var syntaxes = served.Select(p => p.TransferSyntaxUid).Distinct().ToList();
        var extra = syntaxes.Count == 1 ? new[] { KeyValuePair.Create("transfer-syntax", syntaxes[0]) } : [];
        var response = context.Response;
        var writer = new MultipartWriter(response.Body, DicomWebMediaTypes.ApplicationDicom, extraParameters: extra);
        if (served.Count < instances.Count)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.Warning = $"299 PacsEdge: {instances.Count - served.Count} of {instances.Count} instances are stored compressed and cannot be sent in an accepted transfer syntax";
        }
        response.ContentType = writer.ContentTypeHeaderValue;

        foreach (var plan in served)
        {
            var headers = new MultipartHeaders($"{DicomWebMediaTypes.ApplicationDicom}; transfer-syntax={plan.TransferSyntaxUid}");
            if (plan.Transcode)
            {
                // Parse before the part starts, so that a file that cannot be read fails before its headers are out.
                var file = await reader.ReadAsync(plan.Instance, null, ct);
                await writer.WritePartAsync(headers, (output, token) => ExplicitLittleEndianTranscoder.WriteAsync(file, output, token), ct);
            }
            else
            {
                await using var stream = await reader.OpenAsync(plan.Instance, ct);
                await writer.WritePartAsync(headers, stream, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }
}
