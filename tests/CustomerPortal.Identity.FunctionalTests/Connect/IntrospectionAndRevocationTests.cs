using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class IntrospectionAndRevocationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Introspection_DescribesAnActiveAccessToken()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var body = (await client.IntrospectAsync(tokens.AccessToken!)).Body;

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(TestClients.WebClientId, body.GetProperty("client_id").GetString());
        Assert.Equal("access_token", body.GetProperty("token_usage").GetString());
        Assert.True(body.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Introspection_OfGarbage_SaysInactive()
    {
        using var browser = portal.CreateBrowser();

        var response = await OAuthClient.Web(browser).IntrospectAsync("not-a-token");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspection_ByAPublicClient_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var tokens = await OAuthClient.Native(browser).SignInAsync(Accounts.Buyer, scope: "openid offline_access");

        var response = await OAuthClient.Native(browser).IntrospectAsync(tokens.AccessToken!);

        Assert.NotEqual(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Error);
    }

    [Fact]
    public async Task RevokingTheRefreshToken_EndsTheGrantAndItsAccessTokens()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var revocation = await client.RevokeAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, revocation.Status);
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        Assert.False((await client.IntrospectAsync(tokens.AccessToken!)).Body.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.UserInfoAsync(tokens.AccessToken!)).Status);
    }

    [Fact]
    public async Task RevokingAnAccessToken_MakesItInactive()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        await client.RevokeAsync(tokens.AccessToken!);

        Assert.False((await client.IntrospectAsync(tokens.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revocation_OfAnotherClientsToken_LeavesItActive()
    {
        using var browser = portal.CreateBrowser();
        var web = OAuthClient.Web(browser);
        var tokens = await web.SignInAsync(Accounts.Buyer);

        var response = await OAuthClient.Service(browser).RevokeAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, (await web.RefreshAsync(tokens.RefreshToken!)).Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
    }

    [Fact]
    public async Task Revocation_OfGarbage_AnswersOkAsRfc7009Says()
    {
        using var browser = portal.CreateBrowser();

        var response = await OAuthClient.Web(browser).RevokeAsync("garbage");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
