using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.FunctionalTests.MultiNode;

/// <summary>
/// Two IdP processes on loopback sharing one PostgreSQL database, certificates and issuer, as
/// behind a load balancer: whatever one node issues, the other honours, and one can die.
/// Runs in the PostgreSQL pass of tests/run, which provides the cluster.
/// </summary>
[Trait(TestTraits.Storage, TestTraits.PostgresOnly)]
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly string _work = PortalFactory.NewWorkFolder();
    private PortalProcess _a = null!;
    private PortalProcess _b = null!;

    public async Task InitializeAsync()
    {
        // Only constructed when the tests run, which [PostgresFact] allows only with a cluster.
        var postgres = PortalFactory.Postgres!;
        var certificates = Path.Combine(_work, "certs");
        var shared = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = $"{postgres};Database=portal_nodes_{Path.GetFileName(_work)}",
            ["Seed:Path"] = Path.Combine(_work, "seed"),
            ["Keys:SigningCertificate:Path"] = TestCertificates.CreatePfx(certificates, "signing", "pass"),
            ["Keys:SigningCertificate:Password"] = "pass",
            ["Keys:EncryptionCertificate:Path"] = TestCertificates.CreatePfx(certificates, "encryption", "pass"),
            ["Keys:EncryptionCertificate:Password"] = "pass",
            ["Server:Issuer"] = "http://portal.test/",
        };
        // One after the other: the first migrates and seeds, the second finds it done.
        _a = await PortalProcess.StartServerAsync("Development", new(shared) { ["Storage:DataFolder"] = Path.Combine(_work, "a") });
        _b = await PortalProcess.StartServerAsync("Development", new(shared) { ["Storage:DataFolder"] = Path.Combine(_work, "b") });
    }

    [PostgresFact]
    public async Task TokensAndSessions_FromOneNode_AreHonouredByTheOther()
    {
        var cookies = new CookieContainer();
        using var atA = Client(_a, cookies);
        using var atB = Client(_b, cookies);

        // Sign in through node A, redeem at node B.
        var pkce = Pkce.Create();
        var code = await SignInAsync(atA, pkce);
        var tokens = await PostAsync(atB, "/connect/token", ("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", TestClients.WebRedirectUri), ("code_verifier", pkce.Verifier));
        Assert.True(tokens.TryGetProperty("refresh_token", out _), tokens.ToString());

        // Refresh at B, revoke at B, introspect at A.
        var refreshed = await PostAsync(atB, "/connect/token",
            ("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        var accessToken = refreshed.GetProperty("access_token").GetString()!;
        Assert.True((await PostAsync(atA, "/connect/introspect", ("token", accessToken))).GetProperty("active").GetBoolean());
        await PostAsync(atB, "/connect/revoke", ("token", refreshed.GetProperty("refresh_token").GetString()!));
        Assert.False((await PostAsync(atA, "/connect/introspect", ("token", accessToken))).GetProperty("active").GetBoolean());

        // The session cookie made by A works at B (shared data-protection keys)...
        Assert.NotNull(await AuthorizeSilentlyAsync(atB, Pkce.Create()));

        // ...until the password changes at A from another session: B ends it at once.
        var otherCookies = new CookieContainer();
        using var otherAtA = Client(_a, otherCookies);
        await SignInToIdPAsync(otherAtA);
        var changePage = await ParseAsync(await otherAtA.GetAsync("/account/password"));
        var changed = await SubmitAsync(otherAtA, changePage, "section.change-with-current form", new()
        {
            ["CurrentPassword"] = Accounts.Buyer.Password, ["Password"] = "Buyer-2027", ["ConfirmPassword"] = "Buyer-2027",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Null(await AuthorizeSilentlyAsync(atB, Pkce.Create()));
    }

    [PostgresFact]
    public async Task NodeAKilledDuringAStreamOfTokenRequests_BKeepsAnswering_WithOneRetry()
    {
        using var atA = Client(_a, new CookieContainer());
        using var atB = Client(_b, new CookieContainer());
        var failures = 0;
        for (var i = 0; i < 120; i++)
        {
            if (i == 40)
            {
                await _a.DisposeAsync(); // the node dies mid-stream
            }
            var first = i % 2 == 0 ? atA : atB;
            var second = first == atA ? atB : atA;
            if (!await ClientCredentialsAsync(first) && !await ClientCredentialsAsync(second))
            {
                failures++;
            }
        }
        Assert.Equal(0, failures);
    }

    private static async Task<bool> ClientCredentialsAsync(HttpClient node)
    {
        try
        {
            var response = await node.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = TestClients.ServiceClientId,
                ["client_secret"] = TestClients.ServiceSecret,
                ["scope"] = "addresses",
            }));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static HttpClient Client(PortalProcess node, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static string AuthorizeUrl(Pkce pkce, string? prompt = null) => QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = TestClients.WebClientId,
        ["response_type"] = "code",
        ["redirect_uri"] = TestClients.WebRedirectUri,
        ["scope"] = "openid offline_access",
        ["code_challenge"] = pkce.Challenge,
        ["code_challenge_method"] = "S256",
        ["prompt"] = prompt,
    });

    private static async Task<string> SignInAsync(HttpClient node, Pkce pkce)
    {
        var toLogin = await node.GetAsync(AuthorizeUrl(pkce));
        var login = await ParseAsync(await node.GetAsync(toLogin.Headers.Location));
        var back = await SubmitAsync(node, login, "section.sign-in form",
            new() { ["Input.Email"] = Accounts.Buyer.Email, ["Input.Password"] = Accounts.Buyer.Password });
        var redirect = await node.GetAsync(back.Headers.Location);
        return QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
    }

    private static async Task SignInToIdPAsync(HttpClient node)
    {
        var login = await ParseAsync(await node.GetAsync("/account/login"));
        var response = await SubmitAsync(node, login, "section.sign-in form",
            new() { ["Input.Email"] = Accounts.Buyer.Email, ["Input.Password"] = Accounts.Buyer.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>prompt=none: a code when the session is alive at this node, null when the client is told login_required.</summary>
    private static async Task<string?> AuthorizeSilentlyAsync(HttpClient node, Pkce pkce)
    {
        var response = await node.GetAsync(AuthorizeUrl(pkce, "none"));
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        return query.TryGetValue("code", out var code) ? code.ToString() : null;
    }

    private static async Task<JsonElement> PostAsync(HttpClient node, string path, params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["client_id"] = TestClients.WebClientId;
        form["client_secret"] = TestClients.WebSecret;
        var response = await node.PostAsync(path, new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient node, IDocument page, string selector, Dictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector)!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }
        var action = form.GetAttribute("action") is { Length: > 0 } declared ? declared : new Uri(page.Url).PathAndQuery;
        return node.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
