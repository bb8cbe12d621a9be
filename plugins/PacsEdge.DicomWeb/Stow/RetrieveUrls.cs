using Microsoft.AspNetCore.Http;

namespace PacsEdge.DicomWeb.Stow;

/// <summary>
/// Absolute WADO-RS URLs on the origin the client used: the request's scheme, host and PathBase (already rewritten
/// from Forwarded / X-Forwarded-* by the host when the request came through a trusted proxy), then the DICOMweb base
/// path. UIDs are escaped although valid ones need none, so no input can bend a URL.
/// </summary>
internal sealed class RetrieveUrls(string root)
{
    public static RetrieveUrls For(HttpRequest request, string basePath) =>
        new(request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent() + basePath);

    public string Root { get; } = root;

    public string Study(string study) => $"{Root}/studies/{Uri.EscapeDataString(study)}";

    public string Instance(string study, string series, string sop) =>
        $"{Study(study)}/series/{Uri.EscapeDataString(series)}/instances/{Uri.EscapeDataString(sop)}";
}
