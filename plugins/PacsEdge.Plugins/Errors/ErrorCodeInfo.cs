using Microsoft.AspNetCore.Http;

namespace PacsEdge.Plugins.Errors;

/// <summary>The HTTP status, title and problem type URI of each <see cref="ErrorCode"/>.</summary>
public static class ErrorCodeInfo
{
    public static int HttpStatus(this ErrorCode code) => code switch
    {
        ErrorCode.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorCode.NotAcceptable => StatusCodes.Status406NotAcceptable,
        ErrorCode.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCode.RangeNotSatisfiable => StatusCodes.Status416RangeNotSatisfiable,
        ErrorCode.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.StorageFull => StatusCodes.Status507InsufficientStorage,
        ErrorCode.NotReady => StatusCodes.Status503ServiceUnavailable,
        _ => (int)code switch
        {
            >= 1000 and < 2000 => StatusCodes.Status400BadRequest,
            >= 2000 and < 3000 => StatusCodes.Status404NotFound,
            >= 3000 and < 4000 => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        },
    };

    /// <summary>A short, fixed summary (RFC 9457 "title"); the occurrence's specifics go in "detail".</summary>
    public static string Title(this ErrorCode code) => code switch
    {
        ErrorCode.BadRequest => "Bad request",
        ErrorCode.InvalidParameter => "Invalid parameter",
        ErrorCode.MethodNotAllowed => "Method not allowed",
        ErrorCode.NotAcceptable => "Not acceptable",
        ErrorCode.UnsupportedMediaType => "Unsupported media type",
        ErrorCode.RangeNotSatisfiable => "Range not satisfiable",
        ErrorCode.InvalidBlobKey => "Invalid blob key",
        ErrorCode.PayloadTooLarge => "Payload too large",
        ErrorCode.NotFound => "Not found",
        ErrorCode.RouteNotFound => "No such route",
        ErrorCode.BlobNotFound => "Blob not found",
        ErrorCode.ResourceNotFound => "Resource not found",
        ErrorCode.Conflict => "Conflict",
        ErrorCode.DataDirectoryLocked => "Data directory in use",
        ErrorCode.StoredInstanceUnreadable => "Stored instance unreadable",
        ErrorCode.StorageFailure => "Storage failure",
        ErrorCode.StorageFull => "Storage full",
        ErrorCode.NotReady => "Not ready",
        ErrorCode.InvalidConfiguration => "Invalid configuration",
        ErrorCode.DataDirectoryUnusable => "Data directory unusable",
        _ => "Internal error",
    };

    /// <summary>RFC 9457 "type": a stable URN per code, e.g. urn:pacsedge:problem:storage-full.</summary>
    public static string ProblemType(this ErrorCode code) => "urn:pacsedge:problem:" + Kebab(code.ToString());

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
