using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

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
        // What the app may see, in the user's words rather than scope names.
        Assert.Contains("ご担当の役割", row.TextContent);
        Assert.DoesNotContain("openid", row.TextContent);

        var revoked = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(page, $"tr[data-client='{TestClients.WebClientId}'] form")));

        Assert.NotNull(revoked.QuerySelector("[role=status]"));
        Assert.Null(revoked.QuerySelector($"tr[data-client='{TestClients.WebClientId}']"));
        Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
        Assert.False((await app.IntrospectAsync(grant.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task SignedInBrowsers_AreListed_AndAllButThisOneCanBeSignedOut()
    {
        var email = $"sessions-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, "Apps-Pass-2026", "supplies-buyer");
        using var phone = await SettingsPage.SignedInAsync(portal, email, "Apps-Pass-2026");
        using var browser = await SettingsPage.SignedInAsync(portal, email, "Apps-Pass-2026");

        var page = await browser.GetPageAsync("/account/apps");
        Assert.Single(page.QuerySelectorAll("table.sessions tr.this-session"));
        Assert.Single(page.QuerySelectorAll("table.sessions tr.other-session"));
        // Since when, as every page of the portal writes a date and time (the bundle's format.dateTime).
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}$", page.QuerySelector("table.sessions tr.this-session td")!.TextContent.Trim());

        var after = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(page, "form.end-other-sessions")));

        Assert.Contains("ログアウトしました", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("table.sessions tr.other-session"));
        Assert.Equal("login_required", (await OAuthClient.Web(phone).AuthorizeAsync(
            credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
        Assert.NotNull((await OAuthClient.Web(browser).AuthorizeAsync(credentials: null)).Code);
    }
}
