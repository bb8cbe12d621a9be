using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// gzip and br for text responses (DICOM JSON and XML metadata compress 5-20x), when the client's Accept-Encoding
/// allows it. DICOM files, frames and other binary bodies are left alone: pixel data is often compressed already and
/// compressing gigabytes would cost the server's CPU for little gain. Fastest level: the CPU is the scarce resource.
/// </summary>
internal static class ResponseCompressionSetup
{
    /// <summary>The media types compressed (parameters such as charset are ignored when matching).</summary>
    public static readonly string[] MimeTypes =
    [
        "application/dicom+json", "application/dicom+xml", "application/json", "application/problem+json",
        "application/xml", "text/xml", "text/plain", "text/html", "text/css", "text/javascript", "application/javascript",
    ];

    public static void AddPacsEdgeResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too (BREACH needs a secret echoed next to attacker-controlled text in one body; DICOMweb
            // responses carry no tokens).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }
}
