using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.Testing;

/// <summary>PKCE S256 pair (RFC 7636).</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}

/// <summary>What came back to the client's redirect URI.</summary>
public sealed record AuthorizationResponse(Uri Location)
{
    private readonly Dictionary<string, Microsoft.Extensions.Primitives.StringValues> _query = QueryHelpers.ParseQuery(Location.Query);
    public string? Code => _query.TryGetValue("code", out var v) ? v.ToString() : null;
    public string? Error => _query.TryGetValue("error", out var v) ? v.ToString() : null;
    public string? State => _query.TryGetValue("state", out var v) ? v.ToString() : null;
    public string? Issuer => _query.TryGetValue("iss", out var v) ? v.ToString() : null;
}

/// <summary>A token endpoint answer, successful or not.</summary>
public sealed class TokenResponse(HttpStatusCode status, JsonElement body)
{
    public HttpStatusCode Status { get; } = status;
    public JsonElement Body { get; } = body;
    public string? Error => Get("error");
    public string? AccessToken => Get("access_token");
    public string? RefreshToken => Get("refresh_token");
    public string? IdToken => Get("id_token");
    public JsonWebToken ReadIdToken() => new(IdToken ?? throw new InvalidOperationException($"No id_token: {Body}"));

    /// <summary>The ID token's claims as JSON, for claims whose JSON type matters (amr is an array).</summary>
    public JsonElement IdTokenClaims() =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(ReadIdToken().EncodedPayload)).RootElement.Clone();
    public string? Get(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>The relying-app side of the protocol, spoken over the test's HTTP client.</summary>
public sealed class OAuthClient(Browser browser, string clientId, string? secret, string redirectUri)
{
    public string ClientId { get; } = clientId;
    public string RedirectUri { get; } = redirectUri;
    public Pkce Pkce { get; private set; } = Pkce.Create();

    public static OAuthClient Web(Browser browser) => new(browser, TestClients.WebClientId, TestClients.WebSecret, TestClients.WebRedirectUri);
    public static OAuthClient ThirdParty(Browser browser) =>
        new(browser, TestClients.ThirdPartyClientId, TestClients.ThirdPartySecret, TestClients.ThirdPartyRedirectUri);
    public static OAuthClient Native(Browser browser) => new(browser, TestClients.NativeClientId, null, TestClients.NativeRedirectUri);
    public static OAuthClient Service(Browser browser) => new(browser, TestClients.ServiceClientId, TestClients.ServiceSecret, "");

    public string AuthorizeUrl(string scope = "openid profile email roles offline_access", IDictionary<string, string?>? extra = null)
    {
        Pkce = Pkce.Create();
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = "state-" + Guid.NewGuid().ToString("n"),
            ["nonce"] = "nonce-" + Guid.NewGuid().ToString("n"),
            ["code_challenge"] = Pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                parameters.Remove(key);
            }
            else
            {
                parameters[key] = value;
            }
        }
        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }

    /// <summary>
    /// Starts an authorization request and, when the sign-in page appears, signs in with
    /// <paramref name="credentials"/>; returns what reached the redirect URI.
    /// </summary>
    public async Task<AuthorizationResponse> AuthorizeAsync(
        (string Email, string Password)? credentials, string scope = "openid profile email roles offline_access",
        IDictionary<string, string?>? extra = null)
    {
        var response = await browser.FollowAsync(await browser.GetAsync(AuthorizeUrl(scope, extra)));
        if (response.StatusCode == HttpStatusCode.OK && credentials is { } c)
        {
            var login = await LoginPage.FromAsync(browser, response);
            response = await browser.FollowAsync(await login.SubmitAsync(c.Email, c.Password));
        }
        return ToClient(response);
    }

    public AuthorizationResponse ToClient(HttpResponseMessage response)
    {
        Assert.True(Browser.IsRedirect(response),
            $"Expected a redirect to the client, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        var location = browser.Resolve(response);
        Assert.StartsWith(RedirectUri, location.ToString());
        return new AuthorizationResponse(location);
    }

    public async Task<TokenResponse> SignInAsync((string Email, string Password) credentials, string scope = "openid profile email roles offline_access")
    {
        var authorization = await AuthorizeAsync(credentials, scope);
        Assert.NotNull(authorization.Code);
        var tokens = await RedeemAsync(authorization.Code!);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }

    public Task<TokenResponse> RedeemAsync(string code, string? verifier = null) => PostAsync("/connect/token", new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["code_verifier"] = verifier ?? Pkce.Verifier,
    });

    public Task<TokenResponse> RefreshAsync(string refreshToken) => PostAsync("/connect/token", new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    });

    public Task<TokenResponse> ClientCredentialsAsync(string? scope = null) => PostAsync("/connect/token", new()
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = scope,
    });

    public Task<TokenResponse> IntrospectAsync(string token) => PostAsync("/connect/introspect", new() { ["token"] = token });

    public Task<TokenResponse> RevokeAsync(string token) => PostAsync("/connect/revoke", new() { ["token"] = token });

    public async Task<TokenResponse> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await ReadAsync(await browser.Http.SendAsync(request));
    }

    public async Task<TokenResponse> PostAsync(string path, Dictionary<string, string?> form)
    {
        form["client_id"] = ClientId;
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }
        var content = new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        return await ReadAsync(await browser.Http.PostAsync(path, content));
    }

    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new TokenResponse(response.StatusCode, body);
    }
}
