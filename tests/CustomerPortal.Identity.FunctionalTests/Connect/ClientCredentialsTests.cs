using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class ClientCredentialsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ServiceClient_GetsAnAccessTokenForItsScope()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Service(browser);

        var tokens = await client.ClientCredentialsAsync("addresses");

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.AccessToken);
        Assert.Null(tokens.RefreshToken);
        Assert.Null(tokens.IdToken);
        var introspection = (await client.IntrospectAsync(tokens.AccessToken!)).Body;
        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(TestClients.ServiceClientId, introspection.GetProperty("sub").GetString());
        Assert.Equal("customer-portal-account-api", introspection.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task ServiceClient_AskingForAScopeItWasNotGiven_IsRefused()
    {
        using var browser = portal.CreateBrowser();

        var tokens = await OAuthClient.Service(browser).ClientCredentialsAsync("roles");

        // OpenIddict answers a scope outside the client's permissions with invalid_request (ID2051).
        Assert.Contains(tokens.Error, new[] { "invalid_scope", "invalid_request" });
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task WebClient_WithoutTheGrant_CannotUseClientCredentials()
    {
        using var browser = portal.CreateBrowser();

        var tokens = await OAuthClient.Web(browser).ClientCredentialsAsync();

        Assert.Equal("unauthorized_client", tokens.Error);
    }

    [Fact]
    public async Task ServiceClient_WithAWrongSecret_IsRefused()
    {
        using var browser = portal.CreateBrowser();

        var tokens = await new OAuthClient(browser, TestClients.ServiceClientId, "not-the-secret", "").ClientCredentialsAsync();

        Assert.Equal("invalid_client", tokens.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, tokens.Status);
    }
}
