using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>One sign-in for both apps, one sign-out for both, and the apps' back-channel logout endpoint.</summary>
[Collection(PortalStackFixture.Collection)]
public sealed class SingleSignOnTests(PortalStackFixture portal)
{
    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    [Fact]
    public async Task SignedInAtOrdering_OpensSupportWithoutASecondSignInForm()
    {
        using var session = AppSession.New();
        await session.SignInAsync(new Uri(portal.Ordering, "catalog"), "buyer@example.com", "Buyer-2026");

        var (status, support) = await session.OpenAsync(new Uri(portal.Support, "inquiries"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(AppSession.IsSignInForm(support));
        Assert.Equal("お問い合わせ履歴", AppSession.Heading(support));
        Assert.Contains("佐藤 花子", support.QuerySelector(".user-menu summary")!.TextContent);
    }

    [Fact]
    public async Task SigningOutInSupport_EndsTheOrderingSessionToo()
    {
        using var session = AppSession.New();
        await session.SignInAsync(new Uri(portal.Ordering, "catalog"), "buyer@example.com", "Buyer-2026");
        var (_, support) = await session.OpenAsync(new Uri(portal.Support, "inquiries"));

        var (_, afterSignOut) = await session.SubmitAsync(support, "form[action='/signout']");
        Assert.True(AppSession.IsAt(afterSignOut, portal.Support) || AppSession.IsSignInForm(afterSignOut), $"ended at {afterSignOut.Url}");

        // The IdP tells the ordering app over the back channel; its next request asks to sign in.
        await Eventually.TrueAsync(async () => AppSession.IsSignInForm((await session.OpenAsync(new Uri(portal.Ordering, "catalog"))).Page),
            "the ordering app still served its pages after the sign-out");
        await Eventually.TrueAsync(async () => AppSession.IsSignInForm((await session.OpenAsync(new Uri(portal.Support, "inquiries"))).Page),
            "the support app still served its pages after the sign-out");
    }

    [Fact]
    public async Task StaffEndingAUsersSessions_AtTheIdP_EndsThemInBothApps()
    {
        using var customer = AppSession.New();
        await customer.SignInAsync(new Uri(portal.Ordering, "catalog"), "operator@example.com", "Operator-2026");
        Assert.Equal(HttpStatusCode.OK, (await customer.OpenAsync(new Uri(portal.Support, "inquiries"))).Status);

        using var staff = AppSession.New();
        var search = await staff.SignInAsync(new Uri(portal.Identity, "staff/users?q=operator%40example.com"), "staff@example.com", "Staff-2026");
        var link = search.QuerySelectorAll("a[href^='/staff/users/']").Single(a => a.TextContent == "operator@example.com");
        var (_, detail) = await staff.OpenAsync(new Uri(portal.Identity, link.GetAttribute("href")!));
        Assert.Equal(HttpStatusCode.OK, (await staff.SubmitAsync(detail, "form.end-sessions")).Status);

        // Each app hears of it over its own back channel, so each is given a moment.
        await Eventually.TrueAsync(async () => AppSession.IsSignInForm((await customer.OpenAsync(new Uri(portal.Ordering, "catalog"))).Page),
            "the ordering app still served its pages after staff ended the sessions");
        await Eventually.TrueAsync(async () => AppSession.IsSignInForm((await customer.OpenAsync(new Uri(portal.Support, "inquiries"))).Page),
            "the support app still served its pages after staff ended the sessions");
    }

    [Fact]
    public async Task ValidLogoutToken_EndsThatSessionOnly_AndCannotBeReplayed()
    {
        using var ended = AppSession.New();
        await ended.SignInAsync(new Uri(portal.Ordering, "catalog"), "buyer@example.com", "Buyer-2026");
        var sid = await portal.OpenSessionOfAsync("buyer@example.com");
        using var untouched = AppSession.New();
        await untouched.SignInAsync(new Uri(portal.Ordering, "catalog"), "operator@example.com", "Operator-2026");

        var catalog = new Uri(portal.Ordering, "catalog");
        Assert.Equal(HttpStatusCode.OK, (await ended.PeekAsync(catalog)).Status);

        var token = LogoutToken(claims => claims["sid"] = sid);
        Assert.Equal(HttpStatusCode.OK, await PostLogoutTokenAsync(token));
        // The app's session is over: its next request goes back to the IdP to sign in again.
        var (status, location) = await ended.PeekAsync(catalog);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith(new Uri(portal.Identity, "connect/authorize").ToString(), location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await untouched.PeekAsync(catalog)).Status);

        Assert.Equal(HttpStatusCode.BadRequest, await PostLogoutTokenAsync(token));
    }

    public enum Flaw
    {
        WrongSignature, WrongAudience, WrongIssuer, MissingSid, MissingSidAndSub,
        MissingEvent, CarriesNonce, Expired, NotALogoutToken, MissingJti,
    }

    [Theory]
    [InlineData(Flaw.WrongSignature)]
    [InlineData(Flaw.WrongAudience)]
    [InlineData(Flaw.WrongIssuer)]
    [InlineData(Flaw.MissingSid)]
    [InlineData(Flaw.MissingSidAndSub)]
    [InlineData(Flaw.MissingEvent)]
    [InlineData(Flaw.CarriesNonce)]
    [InlineData(Flaw.Expired)]
    [InlineData(Flaw.NotALogoutToken)]
    [InlineData(Flaw.MissingJti)]
    public async Task FlawedLogoutToken_IsRefused_AndTheSessionLives(Flaw flaw)
    {
        using var session = AppSession.New();
        await session.SignInAsync(new Uri(portal.Ordering, "catalog"), "buyer@example.com", "Buyer-2026");
        var sid = await portal.OpenSessionOfAsync("buyer@example.com");

        using var otherKey = RSA.Create(2048);
        var token = LogoutToken(claims =>
        {
            claims["sid"] = sid;
            switch (flaw)
            {
                // The apps register backchannel_logout_session_required: a token without sid is refused.
                case Flaw.MissingSid: claims.Remove("sid"); break;
                case Flaw.MissingSidAndSub: claims.Remove("sid"); claims.Remove("sub"); break;
                case Flaw.MissingEvent: claims.Remove("events"); break;
                case Flaw.CarriesNonce: claims["nonce"] = "n-0S6_WzA2Mj"; break;
                case Flaw.MissingJti: claims.Remove("jti"); break;
            }
        },
        audience: flaw == Flaw.WrongAudience ? "support" : "ordering",
        issuer: flaw == Flaw.WrongIssuer ? "http://localhost:1/" : null,
        key: flaw == Flaw.WrongSignature ? new RsaSecurityKey(otherKey) : null,
        issuedAt: flaw == Flaw.Expired ? DateTime.UtcNow.AddMinutes(-30) : null,
        type: flaw == Flaw.NotALogoutToken ? "JWT" : "logout+jwt");

        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(portal.Ordering, "signout-backchannel"), Form(token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await session.PeekAsync(new Uri(portal.Ordering, "catalog"))).Status);
    }

    [Fact]
    public async Task LogoutEndpoint_WithoutAToken_AnswersBadRequest()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.BadRequest,
            (await http.PostAsync(new Uri(portal.Support, "signout-backchannel"), new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(new Uri(portal.Support, "signout-backchannel"), new StringContent("{}"))).StatusCode);
    }

    private async Task<HttpStatusCode> PostLogoutTokenAsync(string token)
    {
        using var http = new HttpClient();
        return (await http.PostAsync(new Uri(portal.Ordering, "signout-backchannel"), Form(token))).StatusCode;
    }

    private static FormUrlEncodedContent Form(string token) => new([new KeyValuePair<string, string>("logout_token", token)]);

    /// <summary>A logout token as the IdP makes it (signed with its development key), changed by the test.</summary>
    private string LogoutToken(Action<Dictionary<string, object>> change, string audience = "ordering", string? issuer = null,
        SecurityKey? key = null, DateTime? issuedAt = null, string type = "logout+jwt")
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "subject-of-the-test",
            ["jti"] = Guid.NewGuid().ToString("n"),
            ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
        };
        change(claims);
        return IdpTokens.Sign(portal, type, audience, claims, issuer, key, issuedAt);
    }
}
