using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Theming;

/// <summary>
/// Every text a page shows comes from the bundle of the page's language: an English page shows
/// no Japanese at all, so a text written into a page instead of the bundle is caught here.
/// </summary>
public sealed partial class PageLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "English-Pass-2026";

    public static TheoryData<string> CustomerPages => new()
    {
        "/", "/account/settings", "/account/settings?edit=profile", "/account/settings?edit=addresses", "/account/addresses/new",
        "/account/apps", "/account/password", "/account/forgot-password",
    };

    public static TheoryData<string> StaffPages => new()
    {
        "/staff/registrations", "/staff/users", "/staff/audit", "/staff/outbox", "/staff/notices", "/staff/clients", "/staff/theme/emails",
    };

    public static TheoryData<string> AnonymousPages => new()
    {
        "/account/login", "/account/register", "/account/forgot-password", "/account/link?purpose=verify-email&reason=used",
        "/resources/terms", "/resources/privacy",
    };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task AnonymousPage_InEnglish_ShowsNoJapanese(string path)
    {
        using var browser = portal.CreateBrowser();
        await browser.GetAsync("/language/en");

        AssertEnglishOnly(await browser.GetPageAsync(path), path);
    }

    [Theory]
    [MemberData(nameof(CustomerPages))]
    public async Task CustomerPage_InEnglish_ShowsNoJapanese(string path)
    {
        var email = $"english-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer", "equipment-operator");
        await portal.WithUserAsync(email, async (users, u) =>
        {
            // What the customer typed is theirs to show; this one typed English.
            (u.FamilyName, u.GivenName, u.CompanyName, u.Locale) = ("Smith", "Anna", "Example Ltd", "en");
            await users.UpdateAsync(u);
        });
        using var browser = portal.CreateBrowser();
        await browser.GetAsync("/language/en");
        await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password);

        AssertEnglishOnly(await browser.GetPageAsync(path), path);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task StaffPage_InEnglish_ShowsNoJapanese(string path)
    {
        using var browser = portal.CreateBrowser();
        await browser.GetAsync("/language/en");
        await (await LoginPage.OpenAsync(browser)).SubmitAsync("admin@example.com", "Admin-2026");

        AssertEnglishOnly(await browser.GetPageAsync(path), path);
    }

    [Fact]
    public async Task SigningIn_OnABrowserWithNoLanguageChosen_ShowsTheUsersLanguage()
    {
        var email = $"chose-english-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        await portal.WithUserAsync(email, async (users, u) =>
        {
            u.Locale = "en"; // chosen at registration or in the settings
            await users.UpdateAsync(u);
        });
        using var browser = portal.CreateBrowser();
        Assert.Equal("ja", (await browser.GetPageAsync("/account/login")).DocumentElement.GetAttribute("lang"));

        await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password);

        Assert.Equal("en", (await browser.GetPageAsync("/account/settings")).DocumentElement.GetAttribute("lang"));
    }

    private static void AssertEnglishOnly(IDocument page, string path)
    {
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        // The switch to Japanese names itself in Japanese, marked lang="ja"; what people typed
        // (the demo accounts' names, say), marked .user-data, is theirs and not the page's text.
        foreach (var exempt in page.QuerySelectorAll("[lang=ja], .user-data").ToList())
        {
            exempt.Remove();
        }
        var text = page.Body!.TextContent + " " + string.Join(" ", page.QuerySelectorAll("[placeholder], [aria-label], [title], option")
            .Select(e => e.GetAttribute("placeholder") + e.GetAttribute("aria-label") + e.GetAttribute("title")));
        var japanese = Japanese().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(japanese.Count == 0, $"{path} shows Japanese on an English page: {string.Join(" | ", japanese)}");
    }

    [GeneratedRegex(@"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+")]
    private static partial Regex Japanese();
}
