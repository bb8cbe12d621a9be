using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

using PacsEdge.DicomWeb.Http;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// One STOW-RS request (PS3.18 10.5): checks the URL, Accept and Content-Type before reading anything, then reads
/// the body part by part with the core's streaming <see cref="MultipartReader"/> and hands each part to a
/// <see cref="StowPipeline"/>, which stores up to StowConcurrency parts at once while the next ones are read, in
/// memory bounded per request whatever its size. A part that is not application/dicom or not DICOM fails alone; a body whose framing breaks ends the
/// request there (the framing of what follows is lost): a 400 problem when nothing was stored, else the response
/// module with a failure for the broken part.
/// </summary>
internal static class StowHandler
{
    private const int MaxWarningHeaders = 20;

    public static async Task HandleAsync(HttpContext context, string? study, IStoreService store, DicomWebOptions options, ILogger logger)
    {
        if (study is not null && StudyUid.Problem(study) is { } problem)
            throw new PacsEdgeException(ErrorCode.InvalidParameter, $"'{Printable(study)}' is not a Study Instance UID: {problem}");
        var format = StowResponseNegotiation.Choose(context.Request);
        var boundary = StowContentType.RequireBoundary(context.Request.ContentType);
        var relatedType = MediaType.Parse(context.Request.ContentType!).RelatedType;
        StowBodyLimit.Apply(context, options.MaxRequestBytes);

        MultipartReader reader;
        try { reader = new MultipartReader(context.Request.Body, boundary); }
        catch (MultipartFormatException e) { throw new PacsEdgeException(ErrorCode.BadRequest, $"the multipart boundary is unusable: {e.Reason}"); }

        var request = new StoreRequest { RequiredStudyInstanceUid = study, Source = "stow-rs" };
        await using var pipeline = new StowPipeline(store, request, options.StowConcurrency, options.StowPartBufferBytes);
        List<StowOutcome> outcomes;
        try
        {
            while (await reader.ReadNextPartAsync(context.RequestAborted) is { } part)
                await StartPartAsync(pipeline, part, relatedType, context.RequestAborted);
            outcomes = await pipeline.CompleteAsync();
        }
        catch (MultipartFormatException e)
        {
            outcomes = await pipeline.CompleteAsync();
            if (!outcomes.Any(o => o.Result.Succeeded))
                throw new PacsEdgeException(ErrorCode.BadRequest, $"the multipart/related body is malformed: {e.Reason}" +
                    (outcomes.Count > 0 ? $" (after {outcomes.Count} part(s), none stored)" : ""));
            outcomes.Add(StowOutcome.PartFailure(outcomes.Count, FailureReasonCodes.CannotUnderstand,
                $"the multipart/related body is malformed from part {outcomes.Count + 1} on: {e.Reason}; the parts before it were processed"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw StowBodyLimit.TooLarge(options.MaxRequestBytes);
        }
        if (outcomes.Count == 0)
            throw new PacsEdgeException(ErrorCode.BadRequest, "the multipart/related body has no parts; STOW-RS needs at least one DICOM instance");

        var urls = DicomWebUrls.For(context.Request, options.BasePath);
        outcomes = StowDuplicateParts.InRequestOrder(outcomes);
        var response = StowResponse.Build(outcomes, urls, study);
        context.Response.StatusCode = StowResponse.StatusCode(outcomes);
        AddWarningHeaders(context, outcomes);
        Log(logger, outcomes, study);
        await StowResponseWriter.WriteAsync(context.Response, response, format, context.RequestAborted);
    }

    private static async Task StartPartAsync(StowPipeline pipeline, MultipartPart part, string? relatedType, CancellationToken cancellationToken)
    {
        // A part without Content-Type has the multipart's type (PS3.18 10.5.1.1); without either it is taken as DICOM.
        var partType = part.ContentType ?? relatedType ?? DicomWebMediaTypes.ApplicationDicom;
        if (StowContentType.IsApplicationDicom(partType))
            await pipeline.StartAsync(part, cancellationToken);
        else
            pipeline.Add(StowOutcome.PartFailure(part.Index, FailureReasonCodes.CannotUnderstand,
                $"part {part.Index + 1} is '{Printable(partType)}', not {DicomWebMediaTypes.ApplicationDicom}"));
    }

    /// <summary>One Warning header (RFC 9111 5.5, code 299) per failed or warned part, so the human reasons reach the client too.</summary>
    private static void AddWarningHeaders(HttpContext context, List<StowOutcome> outcomes)
    {
        var agent = context.Request.Host.HasValue ? context.Request.Host.ToUriComponent() : "pacsedge";
        var notes = outcomes.Where(o => o.Result is { Succeeded: false } or { IsDuplicateWarning: true } && o.Result.Reason is not null).ToList();
        foreach (var o in notes.Take(MaxWarningHeaders))
        {
            var text = $"part {o.PartIndex + 1}" + (o.Result.SopInstanceUid is { } uid ? $" ({uid})" : "") + ": " + o.Result.Reason;
            context.Response.Headers.Append("Warning", $"299 {agent} \"{QuotedText(text)}\"");
        }
        if (notes.Count > MaxWarningHeaders)
            context.Response.Headers.Append("Warning", $"299 {agent} \"{notes.Count - MaxWarningHeaders} more parts failed or carry warnings; see the response body\"");
    }

    private static void Log(ILogger logger, List<StowOutcome> outcomes, string? study)
    {
        var failed = outcomes.Count(o => !o.Result.Succeeded);
        logger.LogInformation("STOW-RS {Study}: {Parts} part(s), {Stored} stored, {Duplicates} already stored, {Failed} failed",
            study ?? "(any study)", outcomes.Count, outcomes.Count(o => o.Result.Status == StoreStatus.Stored), outcomes.Count(o => o.Result.IsDuplicateWarning), failed);
        foreach (var o in outcomes.Where(o => !o.Result.Succeeded))
            logger.LogInformation("STOW-RS part {Part} failed with 0x{FailureReason:X4}: {Reason}", o.PartIndex + 1, o.Result.FailureReason, o.Result.Reason);
    }

    /// <summary>Text for a quoted-string: printable ASCII only, quotes and backslashes escaped.</summary>
    private static string QuotedText(string text) =>
        string.Concat(text.Select(c => c is '"' or '\\' ? "\\" + c : c is >= ' ' and <= '~' ? c.ToString() : "?"));

    private static string Printable(string value) =>
        new(value.Take(100).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
