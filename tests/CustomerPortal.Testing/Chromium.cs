using Microsoft.Playwright;

namespace CustomerPortal.Testing;

/// <summary>Debian's Chromium driven by Playwright; Playwright never downloads a browser here.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Browser tests run one at a time: each starts an IdP and a browser on a 2-core machine.</summary>
    public const string Collection = "chromium";

    /// <summary>Generous, because the rest of the suite runs beside the browser on the same two cores.</summary>
    public const float TimeoutMilliseconds = 90_000;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = TimeoutMilliseconds,
        });
        return (playwright, browser);
    }

    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(TimeoutMilliseconds);
        context.SetDefaultNavigationTimeout(TimeoutMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Screenshots are kept as test artifacts in TestResults/screenshots at the repository root.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
