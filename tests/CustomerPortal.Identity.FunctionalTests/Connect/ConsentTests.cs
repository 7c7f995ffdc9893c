using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class ConsentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ExplicitConsentClient_ShowsTheConsentPageInTheUsersLanguage_AndIssuesACodeOnAccept()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.ThirdParty(browser);

        var consent = await OpenConsentAsync(browser, client, extraQuery: "&ui_locales=ja");

        Assert.Contains("パートナーアプリ", consent.QuerySelector("section.consent")!.TextContent);
        Assert.Contains("メールアドレス", consent.QuerySelector("ul.scopes")!.TextContent);
        var response = client.ToClient(await browser.SubmitAsync(consent, "section.consent form", submitButtonSelector: "button.primary"));
        Assert.NotNull(response.Code);
        Assert.Equal(HttpStatusCode.OK, (await client.RedeemAsync(response.Code!)).Status);
    }

    [Fact]
    public async Task ExplicitConsent_GivenOnce_IsRemembered()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.ThirdParty(browser);
        var consent = await OpenConsentAsync(browser, client);
        client.ToClient(await browser.SubmitAsync(consent, "section.consent form", submitButtonSelector: "button.primary"));

        var again = await client.AuthorizeAsync(credentials: null, scope: "openid profile email");

        Assert.NotNull(again.Code);
    }

    [Fact]
    public async Task ExplicitConsent_Remembered_IsAskedAgainWithPromptConsent()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.ThirdParty(browser);
        client.ToClient(await browser.SubmitAsync(await OpenConsentAsync(browser, client), "section.consent form", submitButtonSelector: "button.primary"));

        var asked = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(scope: "openid profile email") + "&prompt=consent"));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull((await browser.ParseAsync(asked)).QuerySelector("section.consent"));
    }

    [Fact]
    public async Task ExplicitConsent_Denied_ReturnsAccessDenied()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.ThirdParty(browser);
        var consent = await OpenConsentAsync(browser, client);

        var response = client.ToClient(await browser.SubmitAsync(consent, "section.consent form", submitButtonSelector: "button.secondary"));

        Assert.Equal("access_denied", response.Error);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task ExplicitConsent_WithPromptNone_ReturnsConsentRequired()
    {
        await portal.CreateActiveUserAsync("consent-none@example.com", "Consent-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        await OAuthClient.Web(browser).SignInAsync(("consent-none@example.com", "Consent-2026"));
        var client = OAuthClient.ThirdParty(browser);

        var response = await client.AuthorizeAsync(credentials: null, scope: "openid profile email",
            extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        Assert.Equal("consent_required", response.Error);
    }

    [Fact]
    public async Task ConsentPage_CannotBeAcceptedWithoutTheAntiforgeryToken()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.ThirdParty(browser);
        var consent = await OpenConsentAsync(browser, client);

        var forged = await browser.SubmitAsync(consent, "section.consent form",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }, "button.primary");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task FirstPartyClient_SkipsConsent()
    {
        using var browser = portal.CreateBrowser();

        var response = await OAuthClient.Web(browser).AuthorizeAsync(Accounts.Buyer);

        Assert.NotNull(response.Code);
    }

    /// <summary>Signs a new user in (consent is remembered per user) and stops at the consent page.</summary>
    private async Task<AngleSharp.Dom.IDocument> OpenConsentAsync(Browser browser, OAuthClient client, string extraQuery = "")
    {
        var email = $"consent-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, "Consent-2026", "supplies-buyer");
        var toLogin = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(scope: "openid profile email") + extraQuery));
        var login = await LoginPage.FromAsync(browser, toLogin);
        var consentResponse = await browser.FollowAsync(await login.SubmitAsync(email, "Consent-2026"));
        Assert.Equal(HttpStatusCode.OK, consentResponse.StatusCode);
        var consent = await browser.ParseAsync(consentResponse);
        Assert.NotNull(consent.QuerySelector("section.consent"));
        return consent;
    }
}
