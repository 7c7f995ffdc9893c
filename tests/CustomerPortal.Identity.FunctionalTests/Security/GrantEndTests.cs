using System.Net;
using System.Net.Http.Headers;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// However a grant ends, its access token is refused from the next request on by userinfo,
/// introspection and the IdP's own API: not minutes later, when the token would have expired.
/// Access tokens have no rows of their own; the grant's authorization is what refuses them.
/// </summary>
public sealed class GrantEndTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Api-Pass-2026";

    [Theory]
    [InlineData("app revoked on the connected-apps page")]
    [InlineData("account locked by staff")]
    [InlineData("password changed")]
    [InlineData("signed out at the app (RP-initiated logout)")]
    [InlineData("signed out from another browser")]
    [InlineData("refresh token replayed")]
    [InlineData("refresh token revoked by the app")]
    [InlineData("access token revoked by the app")]
    public async Task TheGrantsAccessToken_IsRefusedOnItsNextUse(string how)
    {
        var email = $"grant-end-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var app = OAuthClient.Web(browser);
        var grant = await app.SignInAsync((email, Password), "openid profile addresses offline_access");
        using var api = AddressApi(grant.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(grant.AccessToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/account/addresses")).StatusCode);

        await EndTheGrantAsync(how, email, browser, app, grant);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(grant.AccessToken!)).Status);
        Assert.False((await app.IntrospectAsync(grant.AccessToken!)).Body.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/account/addresses")).StatusCode);
        var write = await api.PostAsync("/api/account/addresses", new StringContent(
            """{"label":"x","postalCode":"100-0001","prefecture":"13","city":"千代田区","street":"1-1"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
    }

    [Fact]
    public async Task AnotherGrantOfTheSameUser_HoldsWhenOneIsRevoked()
    {
        var email = $"grant-end-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var laptop = portal.CreateBrowser();
        var laptopGrant = await OAuthClient.Web(laptop).SignInAsync((email, Password));
        using var phone = portal.CreateBrowser();
        var phoneApp = OAuthClient.Web(phone);
        var phoneGrant = await phoneApp.SignInAsync((email, Password));

        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.Web(laptop).RevokeAsync(laptopGrant.RefreshToken!)).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneApp.UserInfoAsync(laptopGrant.AccessToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await phoneApp.UserInfoAsync(phoneGrant.AccessToken!)).Status);
        Assert.True((await phoneApp.IntrospectAsync(phoneGrant.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }

    private HttpClient AddressApi(string accessToken)
    {
        var api = portal.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }

    private async Task EndTheGrantAsync(string how, string email, Browser browser, OAuthClient app, TokenResponse grant)
    {
        switch (how)
        {
            case "app revoked on the connected-apps page":
                {
                    using var owner = await portal.SignedInBrowserAsync(email, Password);
                    var apps = await owner.GetPageAsync("/account/apps");
                    await owner.SubmitAsync(apps, $"tr[data-client={TestClients.WebClientId}] form");
                    break;
                }
            case "account locked by staff":
                {
                    using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
                    await staff.StaffActOnAsync(email, "form.lock");
                    break;
                }
            case "password changed":
                {
                    using var owner = await portal.SignedInBrowserAsync(email, Password);
                    await owner.ChangePasswordAsync(Password, "Api-Pass-2027");
                    break;
                }
            case "signed out at the app (RP-initiated logout)":
                {
                    var logout = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
                    {
                        ["id_token_hint"] = grant.IdToken,
                        ["post_logout_redirect_uri"] = TestClients.WebPostLogoutUri,
                    }));
                    Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
                    break;
                }
            case "signed out from another browser":
                {
                    using var other = await portal.SignedInBrowserAsync(email, Password);
                    await other.SignOutOtherBrowsersAsync();
                    break;
                }
            case "refresh token replayed":
                {
                    Assert.Equal(HttpStatusCode.OK, (await app.RefreshAsync(grant.RefreshToken!)).Status);
                    Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
                    break;
                }
            case "refresh token revoked by the app":
                Assert.Equal(HttpStatusCode.OK, (await app.RevokeAsync(grant.RefreshToken!)).Status);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, (await app.RevokeAsync(grant.AccessToken!)).Status);
                break;
        }
    }
}
