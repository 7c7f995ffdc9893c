using CustomerPortal.Testing;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace CustomerPortal.Journeys.Tests;

/// <summary>
/// The whole portal in a real browser, the three parts running as processes on loopback: a
/// supplies buyer signs in once at ordering, orders and downloads the invoice, files an inquiry
/// in support without signing in again, reads the terms from the footer, signs out there, and ordering
/// then asks to sign in. Each app page is checked with axe-core on the way, the main ones on a phone too.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class WholePortalInChromiumTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "customer-portal-journey", Guid.NewGuid().ToString("n"));
    private SmtpServer _smtp = null!;
    private PortalStack _stack = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartNewAsync();
        _stack = await PortalStackFixture.StartStackAsync(_work, _smtp);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [Fact]
    public async Task Buyer_OrdersAndAsks_WithOneSignIn_AndOneSignOutEndsBoth()
    {
        var ordering = _stack.Ordering.Address;
        var support = _stack.Support.Address;
        // The context skips the CSP only so that axe-core can be injected; the pages are unchanged.
        var page = await Chromium.NewPageAsync(_browser, new BrowserNewContextOptions { AcceptDownloads = true, Locale = "ja-JP", BypassCSP = true });
        var problems = new List<string>();

        // 1. Ordering sends the browser to the IdP's sign-in page.
        await page.GotoAsync(new Uri(ordering, "catalog").ToString());
        await page.WaitForSelectorAsync("#password");
        Assert.StartsWith(_stack.Identity.Address.ToString(), page.Url);
        await Chromium.ScreenshotAsync(page, "portal-01-sign-in");
        await page.FillAsync("#email", "buyer@example.com");
        await page.FillAsync("#password", "Buyer-2026");
        await page.Locator("section.sign-in form[method=post] button[type=submit]").ClickAsync();

        // 2. The catalog for the buyer's machine; two ink cartridges into the cart.
        await page.WaitForURLAsync(new Uri(ordering, "catalog").ToString());
        await AccessibilityTests.CheckAsync(page, "portal-02-catalog", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-02-catalog", "ja", problems);
        await page.FillAsync("#qty-INK-DM300-R", "2");
        await page.Locator("tr[data-item='INK-DM300-R'] button").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");

        // 3. Cart → quote with addresses from the IdP's address book → order.
        await page.GotoAsync(new Uri(ordering, "cart").ToString());
        await AccessibilityTests.CheckAsync(page, "portal-03-cart", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-03-cart", "ja", problems);
        await page.Locator("a[href='/quotes/new']").ClickAsync();
        await page.WaitForSelectorAsync("fieldset.address-choice");
        await AccessibilityTests.CheckAsync(page, "portal-04-quote-addresses", "ja", problems);
        await page.Locator("section.new-quote button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("section.order[data-status='Quoted']");
        await page.Locator("section.order form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("section.order[data-status='Received']");
        await AccessibilityTests.CheckAsync(page, "portal-05-order-received", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-05-order-received", "ja", problems);
        // The app's home, from the app bar: the order among the latest.
        var orderPage = page.Url;
        await page.Locator("nav.app-nav a.app-name").ClickAsync();
        await page.WaitForSelectorAsync("table.recent-orders tbody tr");
        await AccessibilityTests.CheckAsync(page, "portal-05b-ordering-home", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-05b-ordering-home", "ja", problems);
        await page.GotoAsync(orderPage);

        // 4. The invoice downloads as a PDF with Japanese text in it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href$='/invoice/pdf']").ClickAsync());
        var pdfPath = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots", "portal-06-invoice.pdf");
        await download.SaveAsAsync(pdfPath);
        using (var pdf = PdfDocument.Open(pdfPath))
        {
            var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
            Assert.Contains("請求書", text);
            Assert.Contains("インクカートリッジ", text);
        }
        await page.GotoAsync(page.Url + "/invoice");
        await AccessibilityTests.CheckAsync(page, "portal-06-invoice-page", "ja", problems);

        // 5. Support opens without a second sign-in form.
        await page.GotoAsync(new Uri(support, "inquiries/new").ToString());
        await page.WaitForSelectorAsync("section.contact-form");
        Assert.StartsWith(support.ToString(), page.Url);
        await page.SelectOptionAsync("#category", "order");
        await page.FillAsync("#subject", "インクの納期について");
        await page.FillAsync("#details", "本日注文したインクカートリッジの納期を教えてください。");
        await AccessibilityTests.CheckAsync(page, "portal-07-contact-form", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-07-contact-form", "ja", problems);
        await page.Locator("section.contact-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("section.inquiry-sent [role=status]");
        await AccessibilityTests.CheckAsync(page, "portal-08-inquiry-sent", "ja", problems);
        await _smtp.WaitForAsync("buyer@example.com", 1);

        // The app's footer leads to the IdP's terms of use, in the app's language.
        await page.Locator("footer.site-footer a.terms-link").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(_stack.Identity.Address, "resources/terms").ToString(), StringComparison.Ordinal));
        Assert.Contains("利用規約", await page.Locator("h1").TextContentAsync());

        // The support app's home lists the inquiry while it is open.
        await page.GotoAsync(support.ToString());
        await page.WaitForSelectorAsync("table.open-inquiries tbody tr");
        await AccessibilityTests.CheckAsync(page, "portal-08b-support-home", "ja", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-08b-support-home", "ja", problems);
        // The globe, top right as at the IdP: English here at once, at the IdP, and in the app reached from there.
        await page.Locator("header.top-bar nav.language a[lang=en]").ClickAsync();
        await page.WaitForURLAsync(support.ToString());
        await AccessibilityTests.CheckAsync(page, "portal-08c-support-home-en", "en", problems);
        await page.Locator("header.top-bar a.brand").ClickAsync();
        await page.WaitForSelectorAsync("div.home-cards");
        await AccessibilityTests.CheckAsync(page, "portal-08d-home-en", "en", problems);
        await page.Locator("a[data-app=ordering]").ClickAsync();
        await page.WaitForURLAsync(ordering.ToString());
        await AccessibilityTests.CheckAsync(page, "portal-08e-ordering-home-en", "en", problems);
        await AccessibilityTests.CheckOnAPhoneAsync(page, "portal-08e-ordering-home-en", "en", problems);
        await page.GotoAsync(new Uri(support, "inquiries").ToString());

        // 6. Sign out in support: the IdP ends its session and tells both apps.
        await page.Locator("details.user-menu summary").ClickAsync();
        await page.Locator("form[action='/signout'] button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Chromium.ScreenshotAsync(page, "portal-09-signed-out");

        // 7. The ordering app's next request asks to sign in.
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(new Uri(ordering, "orders").ToString());
            return await page.Locator("#password").CountAsync() == 1;
        }, "the ordering app asking to sign in after the sign-out");
        await Chromium.ScreenshotAsync(page, "portal-10-ordering-asks-to-sign-in");
        Assert.True(problems.Count == 0, "Accessibility (axe-core, WCAG 2.1 AA): " + string.Join("; ", problems));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _stack.DisposeAsync();
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
