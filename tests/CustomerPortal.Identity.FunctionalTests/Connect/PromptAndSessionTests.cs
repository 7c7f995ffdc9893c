using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>prompt, max_age, id_token_hint and login_hint at the authorization endpoint (OpenID Connect Core 3.1.2.1).</summary>
public sealed class PromptAndSessionTests(PortalOnAFakeClock portal) : IClassFixture<PortalOnAFakeClock>
{
    private static Dictionary<string, string?> With(string key, string value) => new() { [key] = value };

    [Fact]
    public async Task PromptNone_WithoutASession_ReturnsLoginRequiredToTheClient()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await client.AuthorizeAsync(credentials: null, extra: With("prompt", "none"));

        Assert.Equal("login_required", response.Error);
        Assert.StartsWith("state-", response.State);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task PromptNone_WithASession_IssuesACodeSilently()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);

        var response = await client.AuthorizeAsync(credentials: null, extra: With("prompt", "none"));

        Assert.NotNull(response.Code);
    }

    [Fact]
    public async Task PromptLogin_ShowsTheSignInFormEvenWithASession_AndThenIssuesACode()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var first = await client.SignInAsync(Accounts.Buyer);
        var firstAuthTime = long.Parse(first.ReadIdToken().GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture);
        portal.Clock!.Advance(TimeSpan.FromSeconds(1.1));

        var toLogin = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(extra: With("prompt", "login"))));
        var login = await LoginPage.FromAsync(browser, toLogin);
        var response = client.ToClient(await browser.FollowAsync(await login.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password)));

        Assert.NotNull(response.Code);
        var second = await client.RedeemAsync(response.Code!);
        Assert.True(long.Parse(second.ReadIdToken().GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture) > firstAuthTime);
    }

    [Fact]
    public async Task MaxAge_ExceededBySession_AsksForTheSignInAgain()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);
        portal.Clock!.Advance(TimeSpan.FromSeconds(2.1));

        var response = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(extra: With("max_age", "1"))));

        await LoginPage.FromAsync(browser, response);
    }

    [Fact]
    public async Task MaxAge_NotExceeded_IssuesACodeWithAuthTime()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var before = portal.Clock!.GetUtcNow().ToUnixTimeSeconds();
        await client.SignInAsync(Accounts.Buyer);

        var response = await client.AuthorizeAsync(credentials: null, extra: With("max_age", "3600"));
        var tokens = await client.RedeemAsync(response.Code!);

        var authTime = long.Parse(tokens.ReadIdToken().GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(authTime, before - 1, portal.Clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task MaxAgeExceeded_WithPromptNone_ReturnsLoginRequired()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);
        portal.Clock!.Advance(TimeSpan.FromSeconds(1.1));

        var response = await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["max_age"] = "0", ["prompt"] = "none" });

        Assert.Equal("login_required", response.Error);
    }

    [Fact]
    public async Task LoginHint_PrefillsTheEmailOnTheSignInPage()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(extra: With("login_hint", "buyer@example.com"))));

        Assert.Equal("buyer@example.com", (await LoginPage.FromAsync(browser, response)).EmailValue);
    }

    [Theory]
    [InlineData("en", "en", "Sign in")]
    [InlineData("ja", "ja", "サインイン")]
    [InlineData("fr en-US", "en", "Sign in")]
    public async Task UiLocales_SetsTheLanguageOfTheSignInPage(string uiLocales, string expectedLang, string expectedButton)
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await browser.FollowAsync(await browser.GetAsync(client.AuthorizeUrl(extra: With("ui_locales", uiLocales))));

        var login = await LoginPage.FromAsync(browser, response);
        Assert.Equal(expectedLang, login.Language);
        Assert.Equal(expectedButton, login.Document.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task IdTokenHint_ForTheSignedInUser_IssuesACode()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var response = await client.AuthorizeAsync(credentials: null,
            extra: new Dictionary<string, string?> { ["prompt"] = "none", ["id_token_hint"] = tokens.IdToken });

        Assert.NotNull(response.Code);
    }

    [Fact]
    public async Task IdTokenHint_ForAnotherUser_WithPromptNone_ReturnsLoginRequired()
    {
        using var otherBrowser = portal.CreateBrowser();
        var otherTokens = await OAuthClient.Web(otherBrowser).SignInAsync(Accounts.Operator);
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);

        var response = await client.AuthorizeAsync(credentials: null,
            extra: new Dictionary<string, string?> { ["prompt"] = "none", ["id_token_hint"] = otherTokens.IdToken });

        Assert.Equal("login_required", response.Error);
    }

    [Fact]
    public async Task Session_OfAUserLockedByStaff_NoLongerIssuesCodes()
    {
        await portal.CreateActiveUserAsync("locked-session@example.com", "Locked-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(("locked-session@example.com", "Locked-2026"));

        // Set directly, without the staff console's ending of sessions: the authorization request re-checks the account.
        await portal.WithUserAsync("locked-session@example.com", (users, user) =>
        {
            user.StaffLockedAt = portal.Clock!.GetUtcNow();
            return users.UpdateAsync(user);
        });
        var response = await client.AuthorizeAsync(credentials: null, extra: With("prompt", "none"));

        Assert.Equal("login_required", response.Error);
    }
}
