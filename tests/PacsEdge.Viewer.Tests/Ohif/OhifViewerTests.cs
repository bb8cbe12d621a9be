using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PacsEdge.Viewer.Tests.Ohif;

/// <summary>
/// OHIF 3.13 as a radiologist's browser runs it, against PacsEdge on loopback: the study list lists the stored
/// study, the viewer renders the CT, and the stored DICOM SEG loads onto it. Every request the page makes is
/// logged: none may leave the origin and none may fail.
/// </summary>
public sealed class OhifViewerTests(ITestOutputHelper output)
{
    private const string PatientName = "Ohif^Demo";
    private const string PatientId = "OHIF-DEMO-1";
    /// <summary>How OHIF's study list shows the PN "Ohif^Demo".</summary>
    private const string ListedName = "Ohif, Demo";
    private static readonly float Timeout = 45_000;

    [Fact]
    public async Task OHIF_lists_the_study_renders_the_CT_and_loads_the_SEG_with_every_request_on_origin()
    {
        await using var server = await OhifAssets.StartServerAsync();
        await server.WaitUntilReadyAsync();
        var demo = await DemoStudy.StoreAsync(server, PatientName, PatientId);
        var origin = server.Client.BaseAddress!;
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(Timeout);
        var log = new RequestLog(page, origin);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error") lock (console) console.Add(m.Text); };
        try
        {
            // 1. The study list (QIDO-RS /studies) shows the study.
            await page.GotoAsync(new Uri(origin, "/ohif/").ToString());
            await page.GetByText(ListedName).First.WaitForAsync();
            var listText = await page.InnerTextAsync("body");
            Assert.Contains("Synthetic chest CT", listText, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "study-list.png") });

            // 2. The viewer (an OHIF client route, answered with index.html) renders the CT: WADO-RS metadata and frames.
            await page.GotoAsync(new Uri(origin, $"/ohif/viewer?StudyInstanceUIDs={demo.Ct.StudyInstanceUid}").ToString());
            var lit = await WaitForPixelsAsync(page, LitPixel, 0.10);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "viewer-ct.png") });
            Assert.True(lit > 0.10, $"the CT viewport shows {lit:P1} non-black pixels");

            // 3. The SEG: its series is in the study browser; loading it hydrates the segmentation (segment "Lesion").
            Assert.True(await MeasureAsync(page, RedPixel) < 0.001, "red overlay before the SEG is loaded");
            await LoadSegmentationAsync(page, demo);
            var red = await WaitForPixelsAsync(page, RedPixel, 0.003);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "viewer-seg.png") });
            Assert.True(red > 0.003, $"the SEG's lesion (shown in its recommended red) covers {red:P2} of the viewport");
        }
        finally
        {
            output.WriteLine("Requests:\n" + string.Join('\n', log.Entries));
            output.WriteLine("Console errors:\n" + string.Join('\n', console));
        }
        Assert.True(log.OffOrigin.Count == 0, "requests to another origin:\n" + string.Join('\n', log.OffOrigin));
        Assert.True(log.Failed.Count == 0, "failed requests:\n" + string.Join('\n', log.Failed));
    }

    // Pixel predicates over RGBA: the grey CT (window 40/400) and the SEG's red overlay (its CIELab colour).
    private const string LitPixel = "(r, g, b) => r + g + b > 60";
    private const string RedPixel = "(r, g, b) => r > 150 && r - g > 60 && r - b > 60";

    /// <summary>The largest share of a cornerstone viewport canvas's pixels that match the predicate.</summary>
    private static Task<double> MeasureAsync(IPage page, string predicate) => page.EvaluateAsync<double>($$"""
        () => {
          const match = {{predicate}};
          let best = 0;
          for (const c of document.querySelectorAll('canvas.cornerstone-canvas')) {
            if (!c.width || !c.height) continue;
            const ctx = c.getContext('2d', { willReadFrequently: true });
            if (!ctx) continue;
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) if (match(d[i], d[i + 1], d[i + 2])) n++;
            best = Math.max(best, n / (c.width * c.height));
          }
          return best;
        }
        """);

    private static async Task<double> WaitForPixelsAsync(IPage page, string predicate, double share)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        double found;
        while ((found = await MeasureAsync(page, predicate)) < share && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        return found;
    }

    private static async Task LoadSegmentationAsync(IPage page, DemoStudy demo)
    {
        // OHIF's first-visit tour covers the page with a modal overlay.
        try { await page.GetByText("Skip all").ClickAsync(new LocatorClickOptions { Timeout = 5_000 }); }
        catch (TimeoutException) { } // no tour (already dismissed in this browser profile)
        // The study browser lists the SEG series by its description; a double click loads it (WADO-RS retrieve of
        // the instance) and OHIF asks whether to open it onto the CT: yes hydrates it.
        var series = page.GetByText(demo.SegSeriesDescription).First;
        await series.WaitForAsync();
        await series.DblClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yes", Exact = true }).ClickAsync();
    }
}
