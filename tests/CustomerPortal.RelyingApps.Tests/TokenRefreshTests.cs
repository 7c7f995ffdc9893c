using System.Net;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// A relying app renews its access token with the refresh token, and requests that find it due
/// together share one exchange: the IdP rotates refresh tokens and revokes the whole grant when
/// one is used twice. Here every request finds the token due, so nothing waits for it to age.
/// </summary>
public sealed class TokenRefreshTests(EagerRefreshStackFixture portal) : IClassFixture<EagerRefreshStackFixture>
{
    private Uri Ordering(string path) => new(portal.Ordering, path);

    [Fact]
    public async Task ADueAccessToken_IsRefreshed_AndTheRefreshedOneOpensTheAddressBook()
    {
        using var session = AppSession.New();
        var catalog = await session.SignInAsync(Ordering("catalog"), "buyer@example.com", "Buyer-2026");
        await session.SubmitAsync(catalog, "tr[data-item='SEAL-500'] form");
        var issuedBefore = await portal.RefreshTokensIssuedToAsync("buyer@example.com");

        // The new-quote page reads the address book from the IdP's API with the session's access token.
        var (status, quote) = await session.OpenAsync(Ordering("quotes/new"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(quote.QuerySelector("[role=alert]"));
        Assert.Contains("川崎倉庫", quote.QuerySelector("fieldset.address-choice")!.TextContent);
        Assert.True(await portal.RefreshTokensIssuedToAsync("buyer@example.com") > issuedBefore, "the app did not refresh its token");
    }

    [Fact]
    public async Task RequestsThatFindTheTokenDueTogether_ShareOneRefresh_SoTheGrantSurvives()
    {
        using var session = AppSession.New();
        await session.SignInAsync(Ordering("catalog"), "operator@example.com", "Operator-2026");
        var issuedBefore = await portal.RefreshTokensIssuedToAsync("operator@example.com");

        // Six requests at once with the same session cookie all find the access token due.
        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => session.PeekAsync(Ordering("catalog"))));
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Equal(issuedBefore + 1, await portal.RefreshTokensIssuedToAsync("operator@example.com"));

        // The grant is intact: the next request refreshes again with the rotated token.
        var (status, cart) = await session.OpenAsync(Ordering("cart"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(AppSession.IsSignInForm(cart));
    }
}
