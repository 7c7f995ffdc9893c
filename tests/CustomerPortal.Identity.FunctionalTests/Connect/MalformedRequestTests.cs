using System.Net;
using System.Text;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

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
        "/account/link", "/account/forgot-password", "/api/account/addresses", "/api/postal-codes/1000001", "/maintenance/status", "/health/ready",
        // The steps after the password (without a pending sign-in they send the browser back to sign-in).
        "/account/login/code", "/account/login/recovery", "/account/login/enrol",
        // The options of a passkey prompt, for anyone, a pending sign-in or the signed-in user.
        "/account/passkeys/options?handler=request&for=sign-in", "/account/passkeys/options?handler=create&for=pending",
    ];

    // Every other form the site posts to; the signed-in ones may send a signed-out request to sign-in instead.
    private static readonly string[] Forms =
    [
        "/account/settings", "/account/password", "/account/apps", "/account/addresses/new", "/account/security", "/account/login/step-up",
        "/account/passkeys",
        $"/account/addresses/{Guid.Empty}/edit", $"/account/addresses/{Guid.Empty}/delete",
        "/staff/users", $"/staff/users/{Guid.Empty}", $"/staff/registrations/{Guid.Empty}",
        "/staff/notices", "/staff/maintenance", "/staff/outbox",
    ];

    // Bodies the form reader cannot read: the client's fault, refused with 400 wherever they are sent.
    private static readonly string[] UnreadableBodies = ["multipart-truncated", "multipart-wrong-boundary", "garbage-content-type-params"];

    // The protocol endpoints take application/x-www-form-urlencoded only (OpenID Connect Core 1.0, 3.1.3.1).
    private static readonly string[] NotUrlEncodedBodies = [.. UnreadableBodies, "multipart-well-formed"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var kind in new[]
            {
                "empty-get", "empty-post", "repeated", "garbage", "invalid-utf8-query", "invalid-utf8-body",
                "oversized-body", "long-query", "json-body", "put", "nul-bytes",
            })
            {
                data.Add(endpoint, kind);
            }
        }
        foreach (var endpoint in Endpoints.Concat(Forms))
        {
            foreach (var kind in NotUrlEncodedBodies)
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
        if (UnreadableBodies.Contains(kind) || (NotUrlEncodedBodies.Contains(kind) && endpoint.StartsWith("/connect/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        if (UnreadableBodies.Contains(kind) && (Forms.Contains(endpoint) || endpoint is "/account/login" or "/connect/authorize" or "/connect/logout"))
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType); // the error page, in the site's look
        }
        if (NotUrlEncodedBodies.Contains(kind) && (ProtocolPostEndpoints.Contains(endpoint) || endpoint == "/connect/userinfo"))
        {
            Assert.Equal("invalid_request", OAuthError(response, body));
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
            "repeated" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = Form(minimal + "&client_id=other&grant_type=refresh_token&token=y&response_type=token"),
            },
            "garbage" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = Form("code=%00%01garbage&refresh_token=...&token=<script>&client_id=test-web&client_secret=x" +
                    "&grant_type=authorization_code&redirect_uri=javascript:alert(1)"),
            },
            "invalid-utf8-query" => new HttpRequestMessage(HttpMethod.Get, endpoint + "?client_id=%FF%FE%C3%28&redirect_uri=%ED%A0%80&ReturnUrl=%C0%AF"),
            "invalid-utf8-body" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("client_id="), 0xFF, 0xFE, 0xC3, 0x28,
                    .. Encoding.ASCII.GetBytes("&grant_type=client_credentials")])
                {
                    Headers = { ContentType = new("application/x-www-form-urlencoded") },
                },
            },
            "oversized-body" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Form("client_id=" + new string('a', 2 * 1024 * 1024)) },
            "long-query" => new HttpRequestMessage(HttpMethod.Get, endpoint + "?state=" + new string('s', 12 * 1024) + "&client_id=test-web"),
            "json-body" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"),
            },
            "put" => new HttpRequestMessage(HttpMethod.Put, endpoint) { Content = Form(minimal) },
            "nul-bytes" => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = Form("client_id=test-web%00&grant_type=client_credentials%00&scope=%00"),
            },
            // The closing boundary never comes.
            "multipart-truncated" => Raw(endpoint, "multipart/form-data; boundary=portal-test",
                "--portal-test\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\ntest-web\r\n" +
                "--portal-test\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_cre"),
            "multipart-wrong-boundary" => Raw(endpoint, "multipart/form-data; boundary=announced",
                "--actual\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\ntest-web\r\n--actual--\r\n"),
            "multipart-well-formed" => Raw(endpoint, "multipart/form-data; boundary=portal-test",
                "--portal-test\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\ntest-web\r\n--portal-test--\r\n"),
            "garbage-content-type-params" => Raw(endpoint, "application/x-www-form-urlencoded;;;charset=\"x;boundary=;;", minimal),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The OAuth error as the endpoint states it: in its JSON body, or in WWW-Authenticate (userinfo, RFC 6750 3).</summary>
    private static string? OAuthError(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
        }
        var challenge = response.Headers.WwwAuthenticate.Select(header => header.Parameter).FirstOrDefault();
        return challenge is null ? null : System.Text.RegularExpressions.Regex.Match(challenge, "error=\"([^\"]*)\"").Groups[1].Value;
    }

    private static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");

    /// <summary>A POST with a Content-Type as the client wrote it: HttpClient would refuse to build these headers itself.</summary>
    private static HttpRequestMessage Raw(string endpoint, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
    }
}
