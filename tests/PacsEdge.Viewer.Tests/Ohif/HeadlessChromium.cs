using Microsoft.Playwright;

namespace PacsEdge.Viewer.Tests.Ohif;

/// <summary>
/// Debian's chromium (scripts/install-prerequisites.sh --test installs it) driven by Playwright's driver from the
/// NuGet package; Playwright's own browser builds are never downloaded. WebGL runs on SwiftShader, so the
/// viewer renders on GPU-less CI machines as it does in a radiologist's browser.
/// </summary>
internal static class HeadlessChromium
{
    public static string ExecutablePath
    {
        get
        {
            string?[] candidates = [Environment.GetEnvironmentVariable("PACSEDGE_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium"];
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("chromium is not installed: run scripts/install-prerequisites.sh --test (or set PACSEDGE_CHROMIUM)");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 30_000,
            Args = ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-dev-shm-usage"],
        });
}
