using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace PacsEdge.Ohif;

/// <summary>
/// OHIF's published dist/ is built for the site root: index.html names "/app.bundle...js", sets
/// window.PUBLIC_URL="/", and every webpack runtime has its public path fixed to "/" (chunks, workers and wasm are
/// loaded from there), and the style sheets name their fonts as url(/...). Served at /ohif/, those files are
/// rewritten on their way out so that every URL points below the base; the files on disk stay as npm shipped them
/// (their integrity stays checkable). Rewritten content is computed once per file and kept; a dist built for the
/// base already needs no rewrite.
/// </summary>
public sealed partial class OhifRelocation(string basePath)
{
    private const string WebpackPublicPath = "__webpack_require__.p = \"/\";";
    private readonly ConcurrentDictionary<string, Lazy<byte[]?>> _cache = new(StringComparer.Ordinal);
    private readonly string _base = basePath + "/";

    /// <summary>The rewritten bytes of the file, or null when it is served as it is.</summary>
    public byte[]? Rewrite(string fullPath)
    {
        var kind = KindOf(fullPath);
        if (kind == FileKind.AsIs) return null;
        return _cache.GetOrAdd(fullPath, p => new Lazy<byte[]?>(() => Compute(p, kind))).Value;
    }

    /// <summary>index.html for the base: its own URLs below the base, and no service-worker bootstrap.</summary>
    public string RewriteIndexHtml(string html)
    {
        // init-service-worker.js only unregisters workers here, and would import Workbox from a CDN in a worker
        // context: nothing the viewer needs, and nothing that may leave the intranet.
        html = ServiceWorkerScript().Replace(html, "");
        html = html.Replace("window.PUBLIC_URL=\"/\"", $"window.PUBLIC_URL=\"{_base}\"", StringComparison.Ordinal);
        return RootAttribute().Replace(html, m => $"{m.Groups[1].Value}=\"{_base}");
    }

    private byte[]? Compute(string path, FileKind kind)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var rewritten = kind switch
        {
            FileKind.IndexHtml => RewriteIndexHtml(text),
            FileKind.Script => text.Replace(WebpackPublicPath, $"__webpack_require__.p = \"{_base}\";", StringComparison.Ordinal),
            // css-loader resolved url() to the public path too (fonts): url(/font.woff2).
            FileKind.StyleSheet => text.Replace("url(/", $"url({_base}", StringComparison.Ordinal),
            _ => text.Replace("\"/assets/", $"\"{_base}assets/", StringComparison.Ordinal),
        };
        return ReferenceEquals(rewritten, text) || rewritten == text ? null : Encoding.UTF8.GetBytes(rewritten);
    }

    private static FileKind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name == "index.html") return FileKind.IndexHtml;
        return Path.GetExtension(name) switch
        {
            ".js" => FileKind.Script,
            ".css" => FileKind.StyleSheet,
            ".json" or ".xml" or ".webapp" => FileKind.Manifest,
            _ => FileKind.AsIs,
        };
    }

    private enum FileKind { AsIs, IndexHtml, Script, StyleSheet, Manifest }

    [GeneratedRegex("<script[^>]*init-service-worker\\.js[^>]*></script>")]
    private static partial Regex ServiceWorkerScript();

    // href="/x", src="/x", content="/x" (not protocol-relative "//host").
    [GeneratedRegex("\\b(href|src|content)=\"/(?!/)")]
    private static partial Regex RootAttribute();
}
