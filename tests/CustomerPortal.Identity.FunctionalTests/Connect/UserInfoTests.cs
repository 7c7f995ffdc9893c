using System.Net;
using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class UserInfoTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task UserInfo_ReturnsTheClaimsOfTheGrantedScopes()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Operator);

        var info = await client.UserInfoAsync(tokens.AccessToken!);

        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.Equal(tokens.ReadIdToken().Subject, info.Get("sub"));
        Assert.Equal("Alex Smith", info.Get("name"));
        Assert.Equal("en", info.Get("locale"));
        Assert.Equal("operator@example.com", info.Get("email"));
        Assert.True(info.Body.GetProperty("email_verified").GetBoolean());
        var roles = info.Body.GetProperty("role").EnumerateArray().Select(r => r.GetString()!).Order().ToArray();
        Assert.Equal(["equipment-operator", "supplies-buyer"], roles);
    }

    [Fact]
    public async Task UserInfo_WithOnlyOpenId_ReturnsOnlyTheSubject()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer, scope: "openid");

        var info = await client.UserInfoAsync(tokens.AccessToken!);

        Assert.Equal(["sub"], info.Body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UserInfo_WithoutAToken_IsRefusedWithAChallenge()
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/connect/userinfo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task UserInfo_WithAGarbageToken_IsRefused()
    {
        using var browser = portal.CreateBrowser();

        var info = await OAuthClient.Web(browser).UserInfoAsync("garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, info.Status);
    }
}
