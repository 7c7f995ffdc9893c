using System.Net;
using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// Staff and admins must have a second factor: one without is led through enrolment right after
/// the password and reaches nothing else first; the demo staff sign in with the seeded key. The ID
/// token says how the user authenticated (amr, acr), as discovery announces.
/// </summary>
public sealed class RequiredSecondFactorTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    [Fact]
    public async Task StaffWithoutASecondFactor_EnrolBeforeReachingAnything()
    {
        var email = $"new-staff-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, "NewStaff-2026", "staff");
        using var browser = portal.CreateBrowser();

        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, "NewStaff-2026");
        Assert.Equal("/account/login/enrol", afterPassword.Headers.Location!.ToString());
        foreach (var elsewhere in new[] { "/staff/registrations", "/account/settings", "/account/security" })
        {
            var response = await browser.GetAsync(elsewhere);
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().StartsWith("/account/login", StringComparison.Ordinal),
                $"{elsewhere} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var enrol = await browser.GetPageAsync("/account/login/enrol");
        var key = AuthenticatorCodes.KeyFromPage(enrol.QuerySelector("code.authenticator-key")!.TextContent);
        var done = await browser.ParseAsync(await browser.SubmitAsync(enrol, "ol.authenticator-setup form",
            new Dictionary<string, string> { ["Code"] = portal.CodeNow(key) }));

        Assert.Equal(10, done.QuerySelectorAll("ol.recovery-code-list code").Length);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/registrations")).StatusCode);
    }

    [Fact]
    public async Task TheDemoStaff_SignInWithTheSeededKey_AndAreNeverOfferedToSkipTheCode()
    {
        var key = DemoSecondFactors.KeyOf(Accounts.Staff.Email);
        using var browser = portal.CreateBrowser();
        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        Assert.Equal("/account/login/code", afterPassword.Headers.Location!.ToString());

        var step = await browser.GetPageAsync("/account/login/code");
        Assert.Null(step.QuerySelector("input[name=RememberBrowser]"));
        portal.NextStep();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(step, "form[method=post]",
            new Dictionary<string, string> { ["Code"] = portal.CodeNow(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/registrations")).StatusCode);
    }

    [Fact]
    public async Task TheIdToken_SaysWhetherASecondFactorWasUsed()
    {
        using var withCode = portal.CreateBrowser();
        await (await LoginPage.OpenAsync(withCode)).SubmitAsync(Accounts.Admin.Email, Accounts.Admin.Password);
        portal.NextStep();
        await withCode.SubmitAsync(await withCode.GetPageAsync("/account/login/code"), "form[method=post]",
            new Dictionary<string, string> { ["Code"] = portal.CodeNow(DemoSecondFactors.KeyOf(Accounts.Admin.Email)) });
        var strong = await TokensOfSessionAsync(withCode);

        using var passwordOnly = portal.CreateBrowser();
        var weak = (await OAuthClient.Web(passwordOnly).SignInAsync(Accounts.Buyer)).IdTokenClaims();

        Assert.Equal(["pwd", "otp", "mfa"], Amr(strong));
        Assert.Equal("urn:customer-portal:acr:mfa", strong.GetProperty("acr").GetString());
        Assert.Equal(["pwd"], Amr(weak));
        Assert.Equal("urn:customer-portal:acr:password", weak.GetProperty("acr").GetString());

        using var discovery = JsonDocument.Parse(await withCode.Http.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(["urn:customer-portal:acr:password", "urn:customer-portal:acr:mfa", "urn:customer-portal:acr:phishing-resistant"],
            discovery.RootElement.GetProperty("acr_values_supported").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Assert.Contains("amr", discovery.RootElement.GetProperty("claims_supported").EnumerateArray().Select(v => v.GetString()));
    }

    /// <summary>A refreshed ID token says the same as the first: the methods travel in the refresh token.</summary>
    [Fact]
    public async Task ARefreshedIdToken_KeepsTheMethods()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var refreshed = await client.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(["pwd"], Amr(refreshed.IdTokenClaims()));
    }

    private static async Task<JsonElement> TokensOfSessionAsync(Browser browser)
    {
        var client = OAuthClient.Web(browser);
        var authorization = await client.AuthorizeAsync(credentials: null);
        return (await client.RedeemAsync(authorization.Code!)).IdTokenClaims();
    }

    private static string[] Amr(JsonElement idToken) => [.. idToken.GetProperty("amr").EnumerateArray().Select(v => v.GetString()!)];

}
