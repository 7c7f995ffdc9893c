using System.Net;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// An app that needs a multi-factor sign-in says so with acr_values, and nothing else changes for
/// it: over real HTTP, the ordering app's registration asks for urn:customer-portal:acr:mfa for a
/// user who signed in with a password and has no second factor yet; the IdP has them set one up
/// on the way, and the ID token the app redeems says mfa.
/// </summary>
[Collection(PortalStackFixture.Collection)]
public sealed class MultiFactorRequestTests(PortalStackFixture portal)
{
    private const string MultiFactor = "urn:customer-portal:acr:mfa";

    [Fact]
    public async Task AnAppAskingForMultiFactor_GetsAnIdTokenSayingMfa()
    {
        using var browser = new Browser(
            new HttpClient(new BrowserHandler(new CookieContainer(), followRedirects: false)) { BaseAddress = portal.Identity });
        // The stack's own customer: the demo accounts that other tests sign in with keep a password alone.
        var customer = PortalStackFixture.MultiFactorCustomer;
        var signedIn = await (await LoginPage.OpenAsync(browser)).SubmitAsync(customer.Email, customer.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var app = new OAuthClient(browser, "ordering", "ordering-development-secret", new Uri(portal.Ordering, "signin-oidc").ToString());

        var toStepUp = await browser.GetAsync(app.AuthorizeUrl("openid profile roles", new Dictionary<string, string?> { ["acr_values"] = MultiFactor }));
        Assert.StartsWith("/account/login/step-up", toStepUp.Headers.Location!.OriginalString);
        var setup = await browser.GetPageAsync(toStepUp.Headers.Location.OriginalString);
        var key = AuthenticatorCodes.KeyFromPage(setup.QuerySelector("code.authenticator-key")!.TextContent);
        var done = await browser.ParseAsync(await browser.SubmitAsync(setup, "ol.authenticator-setup form",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.At(key, DateTimeOffset.UtcNow) }));
        var onwards = done.QuerySelector("section.recovery-codes a.button.primary")!.GetAttribute("href")!;

        var answer = app.ToClient(await browser.FollowAsync(await browser.GetAsync(onwards)));
        var tokens = await app.RedeemAsync(answer.Code!);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var idToken = tokens.IdTokenClaims();
        Assert.Equal(MultiFactor, idToken.GetProperty("acr").GetString());
        Assert.Contains("mfa", idToken.GetProperty("amr").EnumerateArray().Select(v => v.GetString()));
    }
}
