using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.LoadTest;

/// <summary>A provider under load: where its endpoints are and how a user signs in to it.</summary>
public sealed record Target(string Name, Uri BaseAddress, string DiscoveryPath, string JwksPath, string TokenPath, int UserCount,
    Func<HttpClient, int, Task<JsonElement>> SignInAsync);

/// <summary>PKCE S256 pair.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Pkce(verifier, Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }
}

/// <summary>What the benchmark asks of a provider: discovery, JWKS, client credentials, rotating refresh, a full sign-in.</summary>
public static class Scenarios
{
    public const string Refresh = "refresh_token (rotating)";
    public const string SignIn = "sign-in (full flow)";

    public static Target Portal(IdentityProviderUnderTest idp) => new("customer-portal", idp.BaseAddress,
        "/.well-known/openid-configuration", "/.well-known/jwks", "/connect/token", idp.UserCount, (client, user) => SignInAsync(client, idp, user));

    public static Target Reference(ReferenceProvider reference, int users) => new("oidc-provider", reference.BaseAddress,
        "/.well-known/openid-configuration", "/jwks", "/token", users, (client, user) => reference.SignInAsync(client, $"user{user}", Pkce.Create()));

    public static IEnumerable<Scenario> All(Target target)
    {
        Uri Url(string path) => new(target.BaseAddress, path);
        static Task<object?> None(HttpClient _) => Task.FromResult<object?>(null);

        yield return new Scenario("discovery", None, async (client, _) =>
            ((await client.GetAsync(Url(target.DiscoveryPath))).StatusCode == HttpStatusCode.OK, null));

        yield return new Scenario("jwks", None, async (client, _) =>
            ((await client.GetAsync(Url(target.JwksPath))).StatusCode == HttpStatusCode.OK, null));

        yield return new Scenario("client_credentials", None, async (client, _) =>
        {
            var response = await client.PostAsync(Url(target.TokenPath), Form(("grant_type", "client_credentials"), ("scope", "addresses"),
                ("client_id", IdentityProviderUnderTest.ServiceClientId), ("client_secret", IdentityProviderUnderTest.ServiceSecret)));
            return (response.StatusCode == HttpStatusCode.OK, null);
        });

        // Each client's user signs in with a browser of its own; the refreshes then come from the app's
        // back channel, which carries no cookie of the provider's (else it would read a session per refresh).
        yield return new Scenario(Refresh,
            async _ =>
            {
                using var browser = LoadRunner.NewClient();
                return (await target.SignInAsync(browser, Random.Shared.Next(target.UserCount))).GetProperty("refresh_token").GetString();
            },
            async (client, state) =>
            {
                var response = await client.PostAsync(Url(target.TokenPath), Form(("grant_type", "refresh_token"), ("refresh_token", (string)state!),
                    ("client_id", IdentityProviderUnderTest.WebClientId), ("client_secret", IdentityProviderUnderTest.WebSecret)));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (false, state);
                }
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return (true, body.GetProperty("refresh_token").GetString());
            });

        yield return new Scenario(SignIn, None, async (_, _) =>
        {
            // A fresh browser each time: authorize → sign-in form → post → code; the app's server then
            // exchanges the code without the browser's cookies.
            using var browser = LoadRunner.NewClient();
            var tokens = await target.SignInAsync(browser, Random.Shared.Next(target.UserCount));
            return (tokens.TryGetProperty("id_token", out _), null);
        });
    }

    private static async Task<JsonElement> SignInAsync(HttpClient browser, IdentityProviderUnderTest idp, int userIndex)
    {
        var (verifier, challenge) = Pkce.Create();
        var authorize = new Uri(idp.BaseAddress, QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityProviderUnderTest.WebClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityProviderUnderTest.RedirectUri,
            ["scope"] = "openid profile offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s",
        }));
        var toLogin = await browser.GetAsync(authorize);
        var loginUrl = new Uri(idp.BaseAddress, toLogin.Headers.Location!);
        var html = await (await browser.GetAsync(loginUrl)).Content.ReadAsStringAsync();
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(loginUrl));
        var form = page.QuerySelector<IHtmlFormElement>("section.sign-in form")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]").ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Email"] = IdentityProviderUnderTest.Email(userIndex);
        fields["Input.Password"] = IdentityProviderUnderTest.UserPassword;
        var signedIn = await browser.PostAsync(loginUrl, new FormUrlEncodedContent(fields));
        var back = await browser.GetAsync(new Uri(idp.BaseAddress, signedIn.Headers.Location!.ToString()));
        var code = QueryHelpers.ParseQuery(back.Headers.Location!.Query)["code"].ToString();
        var token = await LoadRunner.BackChannel.PostAsync(new Uri(idp.BaseAddress, "/connect/token"), Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", IdentityProviderUnderTest.RedirectUri), ("code_verifier", verifier),
            ("client_id", IdentityProviderUnderTest.WebClientId), ("client_secret", IdentityProviderUnderTest.WebSecret)));
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
