using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.LoadTest;

/// <summary>What the benchmark asks of the IdP: discovery, JWKS, client credentials, rotating refresh, a full sign-in.</summary>
public static class Scenarios
{
    public static IEnumerable<Scenario> All(IdentityProviderUnderTest idp)
    {
        Uri Url(string path) => new(idp.BaseAddress, path);
        static Task<object?> None(HttpClient _) => Task.FromResult<object?>(null);

        yield return new Scenario("discovery", None, async (client, _) =>
            ((await client.GetAsync(Url("/.well-known/openid-configuration"))).StatusCode == HttpStatusCode.OK, null));

        yield return new Scenario("jwks", None, async (client, _) =>
            ((await client.GetAsync(Url("/.well-known/jwks"))).StatusCode == HttpStatusCode.OK, null));

        yield return new Scenario("client_credentials", None, async (client, _) =>
        {
            var response = await client.PostAsync(Url("/connect/token"), Form(("grant_type", "client_credentials"), ("scope", "addresses"),
                ("client_id", IdentityProviderUnderTest.ServiceClientId), ("client_secret", IdentityProviderUnderTest.ServiceSecret)));
            return (response.StatusCode == HttpStatusCode.OK, null);
        });

        yield return new Scenario("refresh_token (rotating)",
            async client => (await SignInAsync(client, idp, Random.Shared.Next(idp.UserCount))).GetProperty("refresh_token").GetString(),
            async (client, state) =>
            {
                var response = await client.PostAsync(Url("/connect/token"), Form(("grant_type", "refresh_token"), ("refresh_token", (string)state!),
                    ("client_id", IdentityProviderUnderTest.WebClientId), ("client_secret", IdentityProviderUnderTest.WebSecret)));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (false, state);
                }
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return (true, body.GetProperty("refresh_token").GetString());
            });

        yield return new Scenario("sign-in (full flow)", None, async (_, _) =>
        {
            // A fresh browser each time: authorize → sign-in form → post → code → token.
            using var browser = LoadRunner.NewClient();
            var tokens = await SignInAsync(browser, idp, Random.Shared.Next(idp.UserCount));
            return (tokens.TryGetProperty("id_token", out _), null);
        });
    }

    private static async Task<JsonElement> SignInAsync(HttpClient browser, IdentityProviderUnderTest idp, int userIndex)
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
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
        var token = await browser.PostAsync(new Uri(idp.BaseAddress, "/connect/token"), Form(("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", IdentityProviderUnderTest.RedirectUri), ("code_verifier", verifier),
            ("client_id", IdentityProviderUnderTest.WebClientId), ("client_secret", IdentityProviderUnderTest.WebSecret)));
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
