using System.Text.Json;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: ending an IdP session POSTs a signed logout token with
/// the session's sid to every client of that session that registered a back-channel logout URI.
/// </summary>
public sealed class BackchannelLogoutTests : IAsyncLifetime
{
    private const string ClientId = BackchannelReceiver.ClientId;
    private readonly PortalFactory _portal = new();
    private BackchannelReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await BackchannelReceiver.StartForAsync(_portal);

    [Fact]
    public async Task Discovery_AdvertisesBackchannelLogoutWithSessions()
    {
        using var client = _portal.CreateClient();

        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.True(discovery.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(discovery.GetProperty("backchannel_logout_session_supported").GetBoolean());
    }

    [Fact]
    public async Task SignOut_PostsASignedLogoutTokenWithTheSessionId()
    {
        using var browser = _portal.CreateBrowser();
        var app = BackchannelReceiver.ClientIn(browser);
        var tokens = await app.SignInAsync(Accounts.Buyer, "openid profile offline_access");
        var sid = tokens.ReadIdToken().GetClaim("sid").Value;
        Assert.False(string.IsNullOrEmpty(sid));

        await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?> { ["id_token_hint"] = tokens.IdToken }));

        var logoutToken = await _receiver.ReceiveAsync();
        var validated = await ValidateAsync(logoutToken);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        Assert.Equal("logout+jwt", token.Typ);
        Assert.Equal(sid, token.GetClaim("sid").Value);
        Assert.Equal(tokens.ReadIdToken().Subject, token.Subject);
        Assert.Contains("http://schemas.openid.net/event/backchannel-logout", token.GetClaim("events").Value);
        Assert.False(token.TryGetClaim("nonce", out _));
    }

    [Fact]
    public async Task PasswordChangeElsewhere_EndsTheOtherSession_AndTellsItsClients()
    {
        var email = $"bcl-{Guid.NewGuid():n}@example.com";
        await _portal.CreateActiveUserAsync(email, "Bcl-Pass-2026", "supplies-buyer");
        using var laptop = _portal.CreateBrowser();
        var laptopApp = BackchannelReceiver.ClientIn(laptop);
        var laptopSid = (await laptopApp.SignInAsync((email, "Bcl-Pass-2026"), "openid")).ReadIdToken().GetClaim("sid").Value;
        using var phone = _portal.CreateBrowser();
        await (await LoginPage.OpenAsync(phone)).SubmitAsync(email, "Bcl-Pass-2026");

        var page = await phone.GetPageAsync("/account/password");
        await phone.SubmitAsync(page, "section.change-with-current form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Bcl-Pass-2026", ["Password"] = "Bcl-Pass-2027", ["ConfirmPassword"] = "Bcl-Pass-2027",
        });

        var logoutToken = new JsonWebToken(await _receiver.ReceiveAsync());
        Assert.Equal(laptopSid, logoutToken.GetClaim("sid").Value);
        Assert.Equal("login_required", (await laptopApp.AuthorizeAsync(
            credentials: null, "openid", new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
    }

    private async Task<TokenValidationResult> ValidateAsync(string logoutToken)
    {
        using var client = _portal.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var keys = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = "https://localhost/",
            ValidAudience = ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidTypes = ["logout+jwt"],
        });
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _portal.Dispose();
    }
}
