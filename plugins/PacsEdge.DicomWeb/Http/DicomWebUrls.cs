using Microsoft.AspNetCore.Http;

namespace PacsEdge.DicomWeb.Http;

/// <summary>
/// Absolute DICOMweb URLs (RetrieveURL) built from the request's own scheme, host and PathBase, so a browser never
/// follows a link to another origin. Behind a proxy the host's forwarded-headers handling has already rewritten them.
/// </summary>
internal sealed class DicomWebUrls(string serviceRoot)
{
    /// <summary>{scheme}://{host}{PathBase}{BasePath}, without a trailing slash.</summary>
    public string ServiceRoot { get; } = serviceRoot.TrimEnd('/');

    /// <summary>The one place every DICOMweb route (STOW, QIDO, WADO metadata) builds its absolute URLs from.</summary>
    public static DicomWebUrls For(HttpRequest request, string basePath)
    {
        var host = request.Host.HasValue
            ? request.Host.ToUriComponent()
            : $"{request.HttpContext.Connection.LocalIpAddress}:{request.HttpContext.Connection.LocalPort}";
        return new DicomWebUrls($"{request.Scheme}://{host}{request.PathBase.ToUriComponent()}{basePath}");
    }

    public string Study(string study) => $"{ServiceRoot}/studies/{Uri.EscapeDataString(study)}";

    public string Series(string study, string series) => $"{Study(study)}/series/{Uri.EscapeDataString(series)}";

    public string Instance(string study, string series, string sop) => $"{Series(study, series)}/instances/{Uri.EscapeDataString(sop)}";
}
