using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class AuthorizationCodeFlowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CodeWithPkce_SignsInThroughTheFormAndReturnsTokensWithTheUsersClaims()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var url = client.AuthorizeUrl();

        var toLogin = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/account/login", browser.Resolve(toLogin).PathAndQuery);

        var login = await LoginPage.FromAsync(browser, await browser.FollowAsync(toLogin));
        var authorization = client.ToClient(await browser.FollowAsync(await login.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password)));
        Assert.NotNull(authorization.Code);
        Assert.Null(authorization.Error);
        Assert.StartsWith("state-", authorization.State);

        var tokens = await client.RedeemAsync(authorization.Code!);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.AccessToken);
        Assert.NotNull(tokens.RefreshToken);

        var idToken = tokens.ReadIdToken();
        Assert.Equal("RS256", idToken.Alg);
        Assert.Equal(TestClients.WebClientId, idToken.Audiences.Single());
        Assert.Equal("佐藤", idToken.GetClaim("family_name").Value);
        Assert.Equal("花子", idToken.GetClaim("given_name").Value);
        Assert.Equal("佐藤 花子", idToken.GetClaim("name").Value);
        Assert.Equal("buyer@example.com", idToken.GetClaim("email").Value);
        Assert.Equal("true", idToken.GetClaim("email_verified").Value);
        Assert.Equal("ja", idToken.GetClaim("locale").Value);
        Assert.Equal(["supplies-buyer"], idToken.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.True(idToken.TryGetClaim("auth_time", out _));
        Assert.StartsWith("nonce-", idToken.GetClaim("nonce").Value);
        Assert.False(idToken.TryGetClaim("portal_security_stamp", out _));
    }

    [Fact]
    public async Task SecondAuthorization_ReusesTheSessionWithoutTheSignInForm()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        await client.SignInAsync(Accounts.Buyer);

        var again = await client.AuthorizeAsync(credentials: null);

        Assert.NotNull(again.Code);
    }

    [Fact]
    public async Task Scopes_DecideWhichClaimsTheIdTokenCarries()
    {
        using var browser = portal.CreateBrowser();
        var tokens = await OAuthClient.Web(browser).SignInAsync(Accounts.Buyer, scope: "openid");

        var idToken = tokens.ReadIdToken();
        Assert.False(string.IsNullOrEmpty(idToken.Subject));
        Assert.False(idToken.TryGetClaim("email", out _));
        Assert.False(idToken.TryGetClaim("name", out _));
        Assert.False(idToken.TryGetClaim("role", out _));
        Assert.Null(tokens.RefreshToken); // no offline_access
    }

    [Fact]
    public async Task Code_CanBeRedeemedOnlyOnce()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var authorization = await client.AuthorizeAsync(Accounts.Buyer);

        var first = await client.RedeemAsync(authorization.Code!);
        var second = await client.RedeemAsync(authorization.Code!);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("invalid_grant", second.Error);
        // Replaying the code also revokes what it produced (RFC 6749 4.1.2).
        Assert.Equal("invalid_grant", (await client.RefreshAsync(first.RefreshToken!)).Error);
    }

    [Fact]
    public async Task Redeem_WithTheWrongVerifier_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var authorization = await client.AuthorizeAsync(Accounts.Buyer);

        var tokens = await client.RedeemAsync(authorization.Code!, verifier: Pkce.Create().Verifier);

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await browser.GetAsync(client.AuthorizeUrl(
            extra: new Dictionary<string, string?> { ["code_challenge"] = null, ["code_challenge_method"] = null }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_WithPlainPkce_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await browser.GetAsync(client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["code_challenge_method"] = "plain" }));

        var error = Browser.IsRedirect(response) ? new AuthorizationResponse(browser.Resolve(response)).Error : null;
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || error == "invalid_request",
            $"plain PKCE was not refused: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [InlineData("token")]
    [InlineData("id_token")]
    [InlineData("code id_token")]
    public async Task Authorize_ImplicitAndHybridResponseTypes_AreRefused(string responseType)
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var response = await browser.GetAsync(client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["response_type"] = responseType }));

        Assert.DoesNotContain("access_token", response.Headers.Location?.ToString() ?? "");
        Assert.DoesNotContain("id_token=", response.Headers.Location?.ToString() ?? "");
        if (Browser.IsRedirect(response))
        {
            Assert.Equal("unsupported_response_type", new AuthorizationResponse(browser.Resolve(response)).Error);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task PasswordGrant_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var response = await OAuthClient.Web(browser).PostAsync("/connect/token", new()
        {
            ["grant_type"] = "password",
            ["username"] = Accounts.Buyer.Email,
            ["password"] = Accounts.Buyer.Password,
        });

        Assert.Equal("unsupported_grant_type", response.Error);
    }

    [Fact]
    public async Task RedirectUri_ThatIsNotRegisteredExactly_GetsAnErrorPageAndNoRedirect()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        foreach (var redirect in new[]
        {
            "https://evil.test/callback", TestClients.WebRedirectUri + "/", TestClients.WebRedirectUri + "?x=1", "https://RP.test/callback",
        })
        {
            var response = await browser.GetAsync(client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["redirect_uri"] = redirect }));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var page = await browser.ParseAsync(response);
            Assert.Contains("invalid_request", page.QuerySelector(".protocol-error")?.TextContent);
        }
    }

    [Fact]
    public async Task UnknownClient_GetsAnErrorPageAndNoRedirect()
    {
        using var browser = portal.CreateBrowser();
        var client = new OAuthClient(browser, "no-such-client", null, TestClients.WebRedirectUri);

        var response = await browser.GetAsync(client.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("ja", (await browser.ParseAsync(response)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task PublicClient_CompletesCodeFlowWithPkceAndNoSecret()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Native(browser);

        var tokens = await client.SignInAsync(Accounts.Buyer, scope: "openid profile offline_access");

        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(tokens.RefreshToken!)).Status);
    }

    [Fact]
    public async Task ConfidentialClient_WithAWrongSecret_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var authorization = await OAuthClient.Web(browser).AuthorizeAsync(Accounts.Buyer);
        var impostor = new OAuthClient(browser, TestClients.WebClientId, "wrong-secret", TestClients.WebRedirectUri);

        var tokens = await impostor.RedeemAsync(authorization.Code!);

        Assert.Equal("invalid_client", tokens.Error);
    }
}
