using System.Net;
using System.Text;
using CustomerPortal.Identity.Tests.Infrastructure;

namespace CustomerPortal.Identity.Tests.Connect;

/// <summary>
/// A sweep of hostile and broken requests over every endpoint: each must get a 4xx (an OAuth
/// JSON error from protocol endpoints, a page from browser endpoints) and never a 5xx.
/// </summary>
public sealed class MalformedRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] ProtocolPostEndpoints = ["/connect/token", "/connect/introspect", "/connect/revoke"];
    private static readonly string[] Endpoints =
    [
        "/.well-known/openid-configuration", "/.well-known/jwks", "/connect/authorize", "/connect/token",
        "/connect/userinfo", "/connect/introspect", "/connect/revoke", "/connect/logout", "/account/login", "/language/en",
        // The anonymous pages of registration, activation and password recovery, and the APIs.
        "/account/register", "/account/verify-email", "/account/set-password", "/account/reset-password", "/account/confirm-email",
        "/account/link", "/account/forgot-password", "/api/account/addresses", "/maintenance/status", "/health/ready",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var kind in new[] { "empty-get", "empty-post", "repeated", "garbage", "invalid-utf8-query", "invalid-utf8-body", "oversized-body", "long-query", "json-body", "put", "nul-bytes" })
            {
                data.Add(endpoint, kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersBrokenInputWithoutAServerError(string endpoint, string kind)
    {
        using var browser = portal.CreateBrowser();
        using var request = Build(endpoint, kind);

        var response = await browser.Http.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{kind} on {endpoint}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        if (ProtocolPostEndpoints.Contains(endpoint) && (int)response.StatusCode >= 400 && kind != "put")
        {
            Assert.Contains("\"error\"", body);
        }
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("redirect_uri")]
    [InlineData("response_type")]
    [InlineData("code_challenge")]
    [InlineData("state")]
    public async Task Authorize_WithARepeatedParameter_IsRefusedWithoutRedirect(string parameter)
    {
        using var browser = portal.CreateBrowser();
        var url = OAuthClient.Web(browser).AuthorizeUrl() + $"&{parameter}=again";

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_WithARepeatedGrantType_IsAnOAuthError()
    {
        using var browser = portal.CreateBrowser();
        var body = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("grant_type", "authorization_code"),
            new("client_id", TestClients.ServiceClientId), new("client_secret", TestClients.ServiceSecret)]);

        var response = await OAuthClient.ReadAsync(await browser.Http.PostAsync("/connect/token", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
    }

    [Fact]
    public async Task Token_WithAGarbageCode_IsInvalidGrant()
    {
        using var browser = portal.CreateBrowser();

        var response = await OAuthClient.Web(browser).RedeemAsync("garbage-code", "x".PadRight(43, 'x'));

        Assert.Equal("invalid_grant", response.Error);
    }

    private static HttpRequestMessage Build(string endpoint, string kind)
    {
        var minimal = "client_id=test-web&grant_type=authorization_code&token=x&response_type=code";
        return kind switch
        {
            "empty-get" => new HttpRequestMessage(HttpMethod.Get, endpoint),
            "empty-post" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form("") },
            "repeated" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form(minimal + "&client_id=other&grant_type=refresh_token&token=y&response_type=token") },
            "garbage" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form("code=%00%01garbage&refresh_token=...&token=<script>&client_id=test-web&client_secret=x&grant_type=authorization_code&redirect_uri=javascript:alert(1)") },
            "invalid-utf8-query" => new HttpRequestMessage(HttpMethod.Get, endpoint + "?client_id=%FF%FE%C3%28&redirect_uri=%ED%A0%80&ReturnUrl=%C0%AF"),
            "invalid-utf8-body" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("client_id="), 0xFF, 0xFE, 0xC3, 0x28, .. Encoding.ASCII.GetBytes("&grant_type=client_credentials")])
                {
                    Headers = { ContentType = new("application/x-www-form-urlencoded") },
                },
            },
            "oversized-body" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form("client_id=" + new string('a', 2 * 1024 * 1024)) },
            "long-query" => new HttpRequestMessage(HttpMethod.Get, endpoint + "?state=" + new string('s', 12 * 1024) + "&client_id=test-web"),
            "json-body" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json") },
            "put" => new HttpRequestMessage(HttpMethod.Put, endpoint) { Content = Form(minimal) },
            "nul-bytes" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form("client_id=test-web%00&grant_type=client_credentials%00&scope=%00") },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");
}
