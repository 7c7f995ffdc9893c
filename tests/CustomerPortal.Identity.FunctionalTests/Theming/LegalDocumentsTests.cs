using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Theming;

/// <summary>
/// The terms of use and the privacy policy are documents of the theme, served by the IdP in the
/// page's language; the footer of every page and the sign-up consent link to them.
/// </summary>
public sealed class LegalDocumentsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/resources/terms", "ja", "利用規約", "第1条（本サービスの内容）")]
    [InlineData("/resources/terms", "en", "Terms of Use", "1. The Service")]
    [InlineData("/resources/privacy", "ja", "個人情報保護方針", "2. 利用目的")]
    [InlineData("/resources/privacy", "en", "Privacy Policy", "2. Why we use it")]
    public async Task Document_IsShownInThePagesLanguage(string path, string language, string title, string section)
    {
        using var visitor = portal.CreateBrowser();
        await visitor.GetAsync($"/language/{language}");

        var page = await visitor.GetPageAsync(path);

        Assert.Equal(language, page.QuerySelector("article.legal")!.GetAttribute("lang"));
        Assert.Contains(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(section, page.QuerySelectorAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Document_LinkedFromAnApp_FollowsTheAppsLanguage()
    {
        // The apps' footers add ui_locales: a Japanese browser opening the English app's link reads English.
        using var visitor = portal.CreateBrowser();

        var page = await visitor.GetPageAsync("/resources/terms?ui_locales=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Terms of Use", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EveryPagesFooter_AndTheSignUpConsent_LinkToTheTerms()
    {
        using var visitor = portal.CreateBrowser();
        var signUp = await visitor.GetPageAsync("/account/register");
        var signIn = await visitor.GetPageAsync("/account/login");
        await (await LoginPage.OpenAsync(visitor)).SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);
        var settings = await visitor.GetPageAsync("/account/settings");

        foreach (var page in new[] { signUp, signIn, settings })
        {
            var footer = page.QuerySelector("footer.site-footer")!;
            Assert.NotNull(footer.QuerySelector("a[href='/resources/terms']"));
            Assert.NotNull(footer.QuerySelector("a[href='/resources/privacy']"));
            Assert.Contains("ピツニーボウズジャパン株式会社", footer.TextContent);
            Assert.Contains("©", footer.TextContent);
        }
        // The consent says what it agrees to: the terms open beside the half-filled form.
        var consent = signUp.QuerySelector("#AcceptTerms")!.Closest("fieldset")!.QuerySelector("a[href='/resources/terms']")!;
        Assert.Equal("_blank", consent.GetAttribute("target"));
        var terms = await visitor.GetPageAsync(consent.GetAttribute("href")!);
        Assert.Contains("利用規約", terms.QuerySelector("h1")!.TextContent);
    }
}
