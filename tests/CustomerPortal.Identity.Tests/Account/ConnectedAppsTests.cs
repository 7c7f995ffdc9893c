using CustomerPortal.Identity.Tests.Infrastructure;

namespace CustomerPortal.Identity.Tests.Account;

public sealed class ConnectedAppsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ConnectedApps_ListsTheAppsSignedInTo_AndRevokingEndsTheirTokens()
    {
        var email = $"apps-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, "Apps-Pass-2026", "supplies-buyer");
        using var browser = await SettingsPage.SignedInAsync(portal, email, "Apps-Pass-2026");
        var app = OAuthClient.Web(browser);
        var grant = await app.SignInAsync((email, "Apps-Pass-2026"));

        var page = await browser.GetPageAsync("/account/apps");
        var row = page.QuerySelector($"tr[data-client='{TestClients.WebClientId}']");
        Assert.True(row is not null, page.QuerySelector("main")!.InnerHtml);
        Assert.Contains("Test web app", row.TextContent);
        Assert.Contains("roles", row.TextContent);

        var revoked = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(page, $"tr[data-client='{TestClients.WebClientId}'] form")));

        Assert.NotNull(revoked.QuerySelector("[role=status]"));
        Assert.Null(revoked.QuerySelector($"tr[data-client='{TestClients.WebClientId}']"));
        Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
        Assert.False((await app.IntrospectAsync(grant.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }
}
