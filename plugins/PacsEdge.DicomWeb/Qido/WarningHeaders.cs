using Microsoft.AspNetCore.Http;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// PS3.18 8.3.4.4 / 8.4.2 warnings in the RFC 7234 5.5 form: <c>Warning: 299 {host} "text"</c>, one header value per
/// warning. The text may quote request input, so it is cut to printable ASCII and its quotes escaped.
/// </summary>
internal static class WarningHeaders
{
    private const int MaxTextLength = 300;

    public static void Add(HttpResponse response, IEnumerable<string> warnings)
    {
        var agent = Agent(response.HttpContext.Request);
        foreach (var text in warnings.Distinct(StringComparer.Ordinal))
            response.Headers.Append("Warning", $"299 {agent} \"{Quote(text)}\"");
    }

    /// <summary>RFC 7234 warn-agent: the host (and port) the client addressed, or a pseudonym.</summary>
    private static string Agent(HttpRequest request)
    {
        var host = request.Host.HasValue ? request.Host.Value : "";
        return host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']') ? host : "pacsedge";
    }

    private static string Quote(string text)
    {
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, MaxTextLength) + 8);
        foreach (var c in text.Length > MaxTextLength ? text[..MaxTextLength] + "..." : text)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else sb.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return sb.ToString();
    }
}
