using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Identity.Tests.Infrastructure;

namespace CustomerPortal.Identity.Tests.EndToEnd;

/// <summary>
/// The IdP as its own process on a loopback port, and a relying app built on the stock ASP.NET Core
/// OpenID Connect handler: the two talk real HTTP, as the ordering and support apps will.
/// </summary>
public sealed class RelyingPartySignInTests : IAsyncLifetime
{
    private readonly string _work = PortalFactory.NewWorkFolder();
    private readonly int _rpPort = PortalProcess.FreePort();
    private PortalProcess _idp = null!;
    private RelyingParty _rp = null!;
    private readonly CookieContainer _cookies = new();
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        TestClients.Write(Path.Combine(_work, "seed"), RelyingParty.ClientFile(_rpPort));
        _idp = await PortalProcess.StartServerAsync("Development", new()
        {
            ["Storage:DataFolder"] = Path.Combine(_work, "data"),
            ["Seed:Path"] = Path.Combine(_work, "seed"),
        });
        _rp = await RelyingParty.StartAsync(_rpPort, _idp.BaseAddress!);
        _browser = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false });
    }

    [Fact]
    public async Task RelyingApp_SignsInWithCodeAndPkce_UsesTheTokens_AndSignsOutThroughTheIdP()
    {
        // 1. The app sends the browser to the IdP, which shows its sign-in page.
        var loginPage = await FollowAsync(await _browser.GetAsync(new Uri(_rp.Address, "/secure")));
        Assert.StartsWith(_idp.BaseAddress!.ToString(), loginPage.RequestMessage!.RequestUri!.ToString());
        var document = await ParseAsync(loginPage);
        var form = document.QuerySelector<IHtmlFormElement>("form[method=post]")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]").ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Email"] = Accounts.Buyer.Email;
        fields["Input.Password"] = Accounts.Buyer.Password;

        // 2. Signing in lands back on the app's protected page, with the user's claims and tokens.
        var secure = await FollowAsync(await _browser.PostAsync(loginPage.RequestMessage.RequestUri, new FormUrlEncodedContent(fields)));
        Assert.True(secure.StatusCode == HttpStatusCode.OK, $"{(int)secure.StatusCode} at {secure.RequestMessage!.RequestUri}\nIdP:\n{_idp.Output}");
        var session = RelyingParty.Read(await secure.Content.ReadAsStringAsync());
        Assert.Equal("佐藤 花子", session.GetProperty("name").GetString());
        Assert.Equal("buyer@example.com", session.GetProperty("email").GetString());
        Assert.True(session.GetProperty("isBuyer").GetBoolean());
        var accessToken = session.GetProperty("accessToken").GetString()!;
        var refreshToken = session.GetProperty("refreshToken").GetString()!;

        // 3. The tokens work at the IdP: userinfo, introspection, refresh (rotated).
        using var api = new HttpClient { BaseAddress = _idp.BaseAddress };
        using (var userinfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo"))
        {
            userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            var userinfoResponse = await api.SendAsync(userinfo);
            Assert.True(userinfoResponse.IsSuccessStatusCode, $"userinfo: {(int)userinfoResponse.StatusCode} {userinfoResponse.Headers.WwwAuthenticate}");
            var info = RelyingParty.Read(await userinfoResponse.Content.ReadAsStringAsync());
            Assert.Equal("buyer@example.com", info.GetProperty("email").GetString());
        }
        Assert.True((await PostAsync(api, "/connect/introspect", ("token", accessToken))).GetProperty("active").GetBoolean());
        var refreshed = await PostAsync(api, "/connect/token", ("grant_type", "refresh_token"), ("refresh_token", refreshToken));
        var newRefreshToken = refreshed.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refreshToken, newRefreshToken);

        // 4. Signing out of the app ends the IdP session too and comes back to the app.
        var signedOut = await FollowAsync(await _browser.GetAsync(new Uri(_rp.Address, "/logout")));
        Assert.Equal(new Uri(_rp.Address, "/signed-out"), signedOut.RequestMessage!.RequestUri);
        var again = await FollowAsync(await _browser.GetAsync(new Uri(_rp.Address, "/secure")));
        Assert.NotNull((await ParseAsync(again)).QuerySelector("input[name='Input.Password']"));

        // 5. Revoking the refresh token ends the grant.
        await PostAsync(api, "/connect/revoke", ("token", newRefreshToken));
        Assert.Equal("invalid_grant", (await PostAsync(api, "/connect/token",
            ("grant_type", "refresh_token"), ("refresh_token", newRefreshToken))).GetProperty("error").GetString());
    }

    private async Task<System.Text.Json.JsonElement> PostAsync(HttpClient api, string path, params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["client_id"] = RelyingParty.ClientId;
        form["client_secret"] = RelyingParty.Secret;
        var response = await api.PostAsync(path, new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : RelyingParty.Read(text);
    }

    /// <summary>Follows redirects across both servers and submits OpenIddict's form_post page as its script would.</summary>
    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                response = await _browser.GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!));
                continue;
            }
            var document = await ParseAsync(response);
            if (document.QuerySelector<IHtmlFormElement>("form[name=form]") is { } formPost && document.QuerySelector("input[name='Input.Password']") is null)
            {
                var fields = formPost.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
                response = await _browser.PostAsync(formPost.Action, new FormUrlEncodedContent(fields));
                continue;
            }
            return response;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    private static async Task<AngleSharp.Dom.IDocument> ParseAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync(); // read again by the test
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _rp.DisposeAsync();
        await _idp.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
