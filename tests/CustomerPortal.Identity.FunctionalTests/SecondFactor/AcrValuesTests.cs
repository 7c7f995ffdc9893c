using System.Net;
using System.Text.Json;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// A client asking acr_values=urn:customer-portal:acr:mfa gets a multi-factor sign-in: a session
/// that used a password alone is asked for the missing factor only (or to set one up), then the
/// request goes on; with prompt=none the answer is interaction_required.
/// </summary>
public sealed class AcrValuesTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    private const string MultiFactor = "urn:customer-portal:acr:mfa";
    private const string Password = "Acr-Pass-2026";

    [Fact]
    public async Task APasswordOnlySession_AskedForMultiFactorWithPromptNone_GetsInteractionRequired()
    {
        using var browser = await portal.SignedInBrowserAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        var answer = await OAuthClient.Web(browser).AuthorizeAsync(credentials: null,
            extra: new Dictionary<string, string?> { ["acr_values"] = MultiFactor, ["prompt"] = "none" });

        Assert.Equal("interaction_required", answer.Error);
    }

    [Fact]
    public async Task APasswordOnlySession_IsAskedForTheCodeAlone_AndTheIdTokenSaysMultiFactor()
    {
        var email = await NewCustomerAsync();
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        var (key, _) = await portal.TurnOnAuthenticatorAsync(browser, "/account/security");
        var client = OAuthClient.Web(browser);

        var toStepUp = await browser.GetAsync(client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["acr_values"] = MultiFactor }));
        Assert.StartsWith("/account/login/step-up?ReturnUrl=", toStepUp.Headers.Location!.OriginalString);
        var stepUp = await browser.GetPageAsync(toStepUp.Headers.Location.OriginalString);
        Assert.Null(stepUp.QuerySelector("input[type=password]"));

        portal.NextStep();
        var back = await browser.SubmitAsync(stepUp, "section.second-factor form[method=post]",
            new Dictionary<string, string> { ["Code"] = portal.CodeNow(key) });
        var token = await RedeemAsync(client, browser, back);

        Assert.Equal(MultiFactor, token.GetProperty("acr").GetString());
        Assert.Contains("mfa", token.GetProperty("amr").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task AnAccountWithoutASecondFactor_SetsOneUpOnTheWay()
    {
        var email = await NewCustomerAsync();
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        var client = OAuthClient.Web(browser);

        var toStepUp = await browser.GetAsync(client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["acr_values"] = MultiFactor }));
        await portal.TurnOnAuthenticatorAsync(browser, toStepUp.Headers.Location!.OriginalString);
        var stepUpUrl = new Uri(new Uri("https://localhost"), toStepUp.Headers.Location.OriginalString);
        var continueUrl = QueryHelpers.ParseQuery(stepUpUrl.Query)["ReturnUrl"].ToString();
        var token = await RedeemAsync(client, browser, await browser.GetAsync(continueUrl));

        Assert.Equal(MultiFactor, token.GetProperty("acr").GetString());
        Assert.Single(await portal.Smtp.WaitForAsync(email, 1));
    }

    private static async Task<JsonElement> RedeemAsync(OAuthClient client, Browser browser, HttpResponseMessage towardsTheClient)
    {
        var answer = client.ToClient(await browser.FollowAsync(towardsTheClient));
        var tokens = await client.RedeemAsync(answer.Code!);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens.IdTokenClaims();
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"acr-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }
}
