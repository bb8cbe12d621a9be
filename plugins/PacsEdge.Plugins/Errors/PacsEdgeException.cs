namespace PacsEdge.Plugins.Errors;

/// <summary>
/// The one exception the server throws on purpose. <see cref="Exception.Message"/> is the RFC 9457 "detail"
/// and is shown to clients, so it must name what went wrong without internal paths or stack details.
/// </summary>
public sealed class PacsEdgeException(ErrorCode code, string detail, Exception? inner = null) : Exception(detail, inner)
{
    public ErrorCode Code { get; } = code;
}
