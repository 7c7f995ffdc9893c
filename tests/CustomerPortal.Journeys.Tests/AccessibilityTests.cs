using System.Text.Json;
using CustomerPortal.Testing;
using Microsoft.Playwright;

namespace CustomerPortal.Journeys.Tests;

/// <summary>
/// The main pages in Chromium, in both languages and both themes: axe-core finds no serious or
/// critical WCAG 2.1 AA violation, html lang matches, nothing scrolls sideways, the footer links the
/// terms, and a screenshot of each is kept; the main ones again on a phone (390 px wide).
/// </summary>
[Collection(Chromium.Collection)]
public sealed class AccessibilityTests : IAsyncLifetime
{
    private static readonly string AxeScript =
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "accessibility", "node_modules", "axe-core", "axe.min.js"));

    /// <summary>A phone held upright (an iPhone 12 to 15 is 390 × 844 CSS pixels).</summary>
    private const int PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>How wide the page is against the window, and the element that reaches furthest right when it is wider.</summary>
    private const string SidewaysScroll = """
        () => {
            const width = document.documentElement.clientWidth;
            let widest = null, right = width;
            for (const element of document.body.querySelectorAll('*')) {
                const box = element.getBoundingClientRect();
                if (box.width > 0 && box.right > right + 0.5) { right = box.right; widest = element; }
            }
            const name = widest ? widest.tagName.toLowerCase() + (widest.className ? '.' + String(widest.className).split(' ').join('.') : '') : '';
            return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest: name };
        }
        """;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [Theory]
    [InlineData("base")]
    [InlineData("pitney-bowes")]
    public async Task MainPages_HaveNoSeriousViolations_InBothLanguages(string theme)
    {
        var work = PortalFactory.NewWorkFolder();
        // The demo staff sign in as shipped: password, then the current code of the seeded key.
        DemoSecondFactors.RestoreInto(Path.Combine(work, "seed"));
        var staffKey = DemoSecondFactors.KeyOf("staff@example.com", Path.Combine(work, "seed"));
        var staffSignIns = 0;
        await using var idp = await PortalProcess.StartServerAsync("Development", new()
        {
            ["Storage:DataFolder"] = Path.Combine(work, "data"),
            ["Seed:Path"] = Path.Combine(work, "seed"),
            ["Theme:Name"] = theme,
            // The demo purchaser too must have a second factor here, so that the enrolment page is reached.
            ["Security:RequireSecondFactorForRoles"] = "staff,admin,equipment-purchaser",
        });
        var problems = new List<string>();
        foreach (var language in new[] { "ja", "en" })
        {
            // The context skips the CSP only so that axe can be injected; the pages are unchanged.
            var page = await Chromium.NewPageAsync(_browser, new BrowserNewContextOptions { BypassCSP = true });
            var context = page.Context;
            string Url(string path) => new Uri(idp.BaseAddress!, path).ToString();

            await page.GotoAsync(Url($"/language/{language}?returnUrl=%2Faccount%2Flogin"));
            await CheckAsync(page, $"sign-in-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"sign-in-{language}-{theme}", language, problems);
            // The footer's terms: the theme's document in the page's language.
            await page.Locator("footer.site-footer a.terms-link").ClickAsync();
            await page.WaitForURLAsync("**/resources/terms");
            await CheckAsync(page, $"terms-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"terms-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/forgot-password"));
            await CheckAsync(page, $"forgot-password-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/link?purpose=verify-email&reason=expired"));
            await CheckAsync(page, $"link-expired-{language}-{theme}", language, problems);
            // A used verification link of a verified address: sign in, or (no password yet) look for mail 3.
            await page.GotoAsync(Url("/account/link?purpose=verify-email&reason=verified"));
            await CheckAsync(page, $"link-verified-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/link?purpose=verify-email&reason=verified-awaiting-password"));
            await CheckAsync(page, $"link-verified-awaiting-password-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/maintenance"));
            await CheckAsync(page, $"maintenance-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/register"));
            await CheckAsync(page, $"sign-up-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"sign-up-{language}-{theme}", language, problems);

            // A registration waiting for review, so the staff queue has a row.
            await page.FillAsync("#CompanyName", "株式会社アクセシビリティ");
            await page.FillAsync("#FamilyName", "佐藤");
            await page.FillAsync("#GivenName", "一郎");
            await page.FillAsync("#Email", $"a11y-{language}-{Guid.NewGuid():n}@example.com");
            await page.FillAsync("#Phone", "03-1234-5678");
            await page.FillAsync("#PostalCode", "100-0001");
            await page.SelectOptionAsync("#Prefecture", "13");
            await page.FillAsync("#City", "千代田区");
            await page.FillAsync("#Street", "1-1");
            await page.CheckAsync("#role-supplies-buyer");
            await page.CheckAsync("#AcceptTerms");
            await page.Locator("form.register-form button[type=submit]").PressAsync("Enter");
            await page.WaitForSelectorAsync("form.register-review");
            await CheckAsync(page, $"sign-up-confirm-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"sign-up-confirm-{language}-{theme}", language, problems);
            await page.Locator("form.register-review button.primary").PressAsync("Enter");
            await page.WaitForURLAsync("**/account/registered");

            await SignInAsync(page, Url("/account/login"), "operator@example.com", "Operator-2026");
            // The home page's cards: ordering (a supplies buyer), the company's machines, inquiries.
            await CheckAsync(page, $"home-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"home-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/settings"));
            await CheckAsync(page, $"account-settings-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"account-settings-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/settings?edit=profile"));
            await CheckAsync(page, $"account-settings-edit-{language}-{theme}", language, problems);
            foreach (var (path, name) in new[]
            {
                ("/account/addresses/new", "address-new"),
                ("/account/password", "change-password"),
                ("/account/apps", "sessions-and-apps"),
                ("/account/security", "two-step-setup"),
                ("/account/login/step-up", "two-step-step-up"),
                ("/account/passkeys", "passkeys"),
            })
            {
                await page.GotoAsync(Url(path));
                await CheckAsync(page, $"{name}-{language}-{theme}", language, problems);
            }

            await context.ClearCookiesAsync();
            await page.GotoAsync(Url($"/language/{language}?returnUrl=%2Faccount%2Flogin"));
            await SignInAsync(page, Url("/account/login"), "purchaser@example.com", "Purchaser-2026", expectedPath: "/account/login/enrol");
            await CheckAsync(page, $"two-step-enrol-{language}-{theme}", language, problems);

            await context.ClearCookiesAsync();
            await page.GotoAsync(Url($"/language/{language}?returnUrl=%2Faccount%2Flogin"));
            await SignInAsync(page, Url("/account/login"), "staff@example.com", "Staff-2026", expectedPath: "/account/login/code");
            await CheckAsync(page, $"two-step-code-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/login/recovery"));
            await CheckAsync(page, $"two-step-recovery-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/account/login/code"));
            // Each code is accepted once: the second sign-in of this process takes the next step's (one step of drift is allowed).
            await page.FillAsync("#code", AuthenticatorCodes.At(staffKey, DateTimeOffset.UtcNow.AddSeconds(30 * staffSignIns++)));
            await page.Locator("form[method=post] button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await page.GotoAsync(Url("/staff/registrations"));
            await CheckAsync(page, $"staff-queue-{language}-{theme}", language, problems);
            await CheckOnAPhoneAsync(page, $"staff-queue-{language}-{theme}", language, problems);
            await page.GotoAsync(Url((await page.Locator("table a").First.GetAttributeAsync("href"))!));
            await CheckAsync(page, $"staff-review-{language}-{theme}", language, problems);
            await page.GotoAsync(Url("/staff/users?q=operator%40example.com"));
            await CheckAsync(page, $"staff-users-{language}-{theme}", language, problems);
            await page.GotoAsync(Url((await page.Locator("table.users a").First.GetAttributeAsync("href"))!));
            await CheckAsync(page, $"staff-user-{language}-{theme}", language, problems);
            foreach (var (path, name) in new[]
            {
                ("/staff/audit", "staff-audit"), ("/staff/outbox", "staff-outbox"), ("/staff/notices", "staff-notices"),
                ("/staff/companies?q=%E3%82%B5%E3%83%B3%E3%83%97%E3%83%AB", "staff-companies"), ("/staff/companies/C0001", "staff-company"),
            })
            {
                await page.GotoAsync(Url(path));
                await CheckAsync(page, $"{name}-{language}-{theme}", language, problems);
            }
        }
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task SignInAsync(IPage page, string loginUrl, string email, string password, string expectedPath = "/")
    {
        await page.GotoAsync(loginUrl);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.Locator("form[method=post] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == expectedPath);
    }


    /// <summary>
    /// Screenshots the page and runs axe-core on it (the context must bypass CSP to inject axe); the
    /// page must not scroll sideways, and its footer must link the terms of use (every page of the three parts has it).
    /// </summary>
    internal static async Task CheckAsync(IPage page, string name, string language, List<string> problems)
    {
        if (await page.GetAttributeAsync("html", "lang") != language)
        {
            problems.Add($"{name}: html lang is not {language}");
        }
        var width = await page.EvaluateAsync<JsonElement>(SidewaysScroll);
        if (width.GetProperty("scrollWidth").GetInt32() > width.GetProperty("innerWidth").GetInt32())
        {
            problems.Add($"{name}: scrolls sideways, {width.GetProperty("scrollWidth")} px wide in a {width.GetProperty("innerWidth")} px window "
                + $"({width.GetProperty("widest").GetString()} reaches furthest)");
        }
        if (await page.Locator("footer.site-footer a.terms-link[href*='/resources/terms']").CountAsync() != 1)
        {
            problems.Add($"{name}: no footer linking the terms of use");
        }
        await Chromium.ScreenshotAsync(page, name);
        await page.EvaluateAsync(AxeScript);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })");
        foreach (var violation in result.GetProperty("violations").EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (impact is "serious" or "critical")
            {
                var targets = violation.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("target").ToString());
                problems.Add($"{name}: {violation.GetProperty("id").GetString()} ({impact}) {string.Join(" ", targets)}");
            }
        }
    }

    /// <summary>The same checks with the window as wide as a phone, then back to the width it had.</summary>
    internal static async Task CheckOnAPhoneAsync(IPage page, string name, string language, List<string> problems)
    {
        var before = page.ViewportSize!;
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        try
        {
            await CheckAsync(page, $"{name}-{PhoneWidth}", language, problems);
        }
        finally
        {
            await page.SetViewportSizeAsync(before.Width, before.Height);
        }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
