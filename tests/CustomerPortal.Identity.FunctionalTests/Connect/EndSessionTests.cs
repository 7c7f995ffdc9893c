using System.Net;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>RP-initiated logout: redirect back only with a valid id_token_hint and a registered URI.</summary>
public sealed class EndSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Logout_WithIdTokenHint_EndsTheSessionAndReturnsToTheRegisteredUriWithState()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.IdToken,
            ["post_logout_redirect_uri"] = TestClients.WebPostLogoutUri,
            ["state"] = "bye",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TestClients.WebPostLogoutUri + "?state=bye", response.Headers.Location!.ToString());
        Assert.Equal("login_required", (await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
    }

    [Fact]
    public async Task Logout_WithoutIdTokenHint_AsksForConfirmationAndDoesNotRedirect()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);

        var page = await browser.GetPageAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["post_logout_redirect_uri"] = TestClients.WebPostLogoutUri,
            ["client_id"] = TestClients.WebClientId,
        }));

        // Nothing happened yet: the session is still there.
        Assert.NotNull((await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Code);

        var confirmed = await browser.SubmitAsync(page, "form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/account/signed-out", confirmed.Headers.Location!.ToString());
        Assert.Equal("login_required", (await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
    }

    [Fact]
    public async Task Logout_WithAnUnregisteredRedirectUri_GetsAnErrorPageAndNoRedirect()
    {
        using var browser = portal.CreateBrowser();
        var tokens = await OAuthClient.Web(browser).SignInAsync(Accounts.Buyer);

        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.IdToken,
            ["post_logout_redirect_uri"] = "https://evil.test/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Logout_WithAGarbageIdTokenHint_DoesNotRedirect()
    {
        using var browser = portal.CreateBrowser();
        await OAuthClient.Web(browser).SignInAsync(Accounts.Buyer);

        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = "garbage",
            ["post_logout_redirect_uri"] = TestClients.WebPostLogoutUri,
        }));

        Assert.False(Browser.IsRedirect(response) && response.Headers.Location!.ToString().StartsWith(TestClients.WebPostLogoutUri, StringComparison.Ordinal));
        Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Logout_ConfirmationForm_NeedsTheAntiforgeryToken()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);
        var page = await browser.GetPageAsync("/connect/logout");

        var forged = await browser.SubmitAsync(page, "form[method=post]", new Dictionary<string, string> { ["__RequestVerificationToken"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull((await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Code);
    }
}
