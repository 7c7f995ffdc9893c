using System.Net;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// Ending a session ends it: the other browser's IdP cookie is refused on its next request, the
/// grants issued in that session are revoked, and its apps get their back-channel logout.
/// </summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private const string Password = "Session-Pass-2026";
    private readonly PortalFactory _portal = new();
    private BackchannelReceiver _apps = null!;

    public async Task InitializeAsync() => _apps = await BackchannelReceiver.StartForAsync(_portal);

    [Theory]
    [InlineData("other browsers signed out")]
    [InlineData("password changed elsewhere")]
    [InlineData("staff ended all sessions")]
    public async Task AnEndedSession_ItsCookieIsRefusedAtOnce_AndItsGrantsAreRevoked(string how)
    {
        var email = await NewCustomerAsync();
        using var laptop = _portal.CreateBrowser();
        var laptopApp = BackchannelReceiver.ClientIn(laptop);
        var grant = await laptopApp.SignInAsync((email, Password), "openid profile offline_access");
        var laptopSid = grant.ReadIdToken().GetClaim("sid").Value;
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account/settings")).StatusCode);

        await EndTheLaptopsSessionAsync(how, email);

        // The very next request: no minute of grace for the stolen or forgotten browser.
        var settings = await laptop.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.StartsWith("/account/login", settings.Headers.Location!.OriginalString);
        Assert.Equal("invalid_grant", (await laptopApp.RefreshAsync(grant.RefreshToken!)).Error);
        Assert.Equal(laptopSid, (await _apps.ReceiveForSessionAsync(laptopSid)).GetClaim("sid").Value);
    }

    [Fact]
    public async Task OtherBrowsersSignedOut_TheirTokensStopWorkingToo_ThisBrowsersStayValid()
    {
        var email = await NewCustomerAsync();
        using var laptop = _portal.CreateBrowser();
        var laptopGrant = await OAuthClient.Web(laptop).SignInAsync((email, Password));
        using var phone = _portal.CreateBrowser();
        var phoneApp = OAuthClient.Web(phone);
        var phoneGrant = await phoneApp.SignInAsync((email, Password));

        await phone.SignOutOtherBrowsersAsync();

        Assert.False((await phoneApp.IntrospectAsync(laptopGrant.AccessToken!)).Body.GetProperty("active").GetBoolean());
        Assert.Equal("invalid_grant", (await OAuthClient.Web(laptop).RefreshAsync(laptopGrant.RefreshToken!)).Error);
        Assert.True((await phoneApp.IntrospectAsync(phoneGrant.AccessToken!)).Body.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await phoneApp.RefreshAsync(phoneGrant.RefreshToken!)).Status);
    }

    [Fact]
    public async Task PromptLogin_EndsTheSessionItReplaces_AndTellsItsApps()
    {
        var email = await NewCustomerAsync();
        using var browser = _portal.CreateBrowser();
        var app = BackchannelReceiver.ClientIn(browser);
        var first = await app.SignInAsync((email, Password), "openid profile offline_access");
        var firstSid = first.ReadIdToken().GetClaim("sid").Value;

        var again = await app.AuthorizeAsync((email, Password), "openid profile offline_access", new Dictionary<string, string?> { ["prompt"] = "login" });
        var second = await app.RedeemAsync(again.Code!);

        Assert.NotEqual(firstSid, second.ReadIdToken().GetClaim("sid").Value);
        Assert.Equal(firstSid, (await _apps.ReceiveForSessionAsync(firstSid)).GetClaim("sid").Value);
        Assert.Equal("invalid_grant", (await app.RefreshAsync(first.RefreshToken!)).Error);
        Assert.Equal(HttpStatusCode.OK, (await app.RefreshAsync(second.RefreshToken!)).Status);
    }

    [Fact]
    public async Task PasswordChange_KeepsTheSession_SoSigningOutLaterStillReachesTheApps()
    {
        var email = await NewCustomerAsync();
        using var browser = await _portal.SignedInBrowserAsync(email, Password);
        Assert.NotNull((await browser.ChangePasswordAsync(Password, "Session-Pass-2027")).QuerySelector(".alert-success"));

        var app = BackchannelReceiver.ClientIn(browser);
        var authorization = await app.AuthorizeAsync(credentials: null, "openid profile");
        var tokens = await app.RedeemAsync(authorization.Code!);
        Assert.True(tokens.ReadIdToken().TryGetClaim("sid", out var sid), "The ID token names no session.");
        await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?> { ["id_token_hint"] = tokens.IdToken }));

        Assert.Equal(sid.Value, (await _apps.ReceiveForSessionAsync(sid.Value)).GetClaim("sid").Value);
    }

    private async Task EndTheLaptopsSessionAsync(string how, string email)
    {
        switch (how)
        {
            case "other browsers signed out":
                {
                    using var phone = await _portal.SignedInBrowserAsync(email, Password);
                    await phone.SignOutOtherBrowsersAsync();
                    break;
                }
            case "password changed elsewhere":
                {
                    using var phone = await _portal.SignedInBrowserAsync(email, Password);
                    await phone.ChangePasswordAsync(Password, "Session-Pass-2028");
                    break;
                }
            default:
                {
                    using var staff = await _portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
                    await staff.StaffActOnAsync(email, "form.end-sessions");
                    break;
                }
        }
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"session-{Guid.NewGuid():n}@example.com";
        await _portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }

    public async Task DisposeAsync()
    {
        await _apps.DisposeAsync();
        await _portal.DisposeAsync();
    }
}
