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
            await page.GetByText(PatientId).First.WaitForAsync();
            var listText = await page.InnerTextAsync("body");
            Assert.Contains("Synthetic chest CT", listText, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "study-list.png") });

            // 2. The viewer (an OHIF client route, answered with index.html) renders the CT: WADO-RS metadata and frames.
            await page.GotoAsync(new Uri(origin, $"/ohif/viewer?StudyInstanceUIDs={demo.Ct.StudyInstanceUid}").ToString());
            var lit = await WaitForRenderedPixelsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "viewer-ct.png") });
            Assert.True(lit > 0.10, $"the CT viewport shows {lit:P1} non-black pixels");

            // 3. The SEG: its series is in the study browser; loading it hydrates the segmentation (segment "Lesion").
            await LoadSegmentationAsync(page, demo);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "viewer-seg.png") });
        }
        finally
        {
            output.WriteLine("Requests:\n" + string.Join('\n', log.Entries));
            output.WriteLine("Console errors:\n" + string.Join('\n', console));
        }
        Assert.True(log.OffOrigin.Count == 0, "requests to another origin:\n" + string.Join('\n', log.OffOrigin));
        Assert.True(log.Failed.Count == 0, "failed requests:\n" + string.Join('\n', log.Failed));
    }

    /// <summary>Waits until a cornerstone viewport canvas is mostly drawn; the share of its pixels that are not black.</summary>
    private static async Task<double> WaitForRenderedPixelsAsync(IPage page)
    {
        const string measure = """
            () => {
              let best = 0;
              for (const c of document.querySelectorAll('canvas.cornerstone-canvas')) {
                if (!c.width || !c.height) continue;
                const ctx = c.getContext('2d', { willReadFrequently: true });
                if (!ctx) continue;
                const d = ctx.getImageData(0, 0, c.width, c.height).data;
                let lit = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 60) lit++;
                best = Math.max(best, lit / (c.width * c.height));
              }
              return best;
            }
            """;
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        double lit;
        while ((lit = await page.EvaluateAsync<double>(measure)) < 0.10 && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        return lit;
    }

    private static async Task LoadSegmentationAsync(IPage page, DemoStudy demo)
    {
        // The study browser lists the SEG series by its description; a double click loads it into the viewport.
        var thumbnail = page.GetByText(demo.SegSeriesDescription).First;
        await thumbnail.WaitForAsync();
        await thumbnail.DblClickAsync();
        await page.GetByText(Dicom.SegmentationBuilder.SegmentLabel, new PageGetByTextOptions { Exact = true }).First.WaitForAsync();
    }
}
