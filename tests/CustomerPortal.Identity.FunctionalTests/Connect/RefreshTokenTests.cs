using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class RefreshTokenTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Refresh_RotatesTheRefreshToken()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);

        var refreshed = await client.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotNull(refreshed.AccessToken);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(tokens.ReadIdToken().Subject, refreshed.ReadIdToken().Subject);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(refreshed.RefreshToken!)).Status);
    }

    [Fact]
    public async Task ReusingARedeemedRefreshToken_RevokesTheWholeGrant()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);
        var rotated = await client.RefreshAsync(tokens.RefreshToken!);

        var replay = await client.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal("invalid_grant", replay.Error);
        // The legitimate holder's newer token dies with it: the thief and the owner both start over.
        Assert.Equal("invalid_grant", (await client.RefreshAsync(rotated.RefreshToken!)).Error);
        Assert.False((await client.IntrospectAsync(rotated.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Refresh_ForAnAccountLockedByStaff_IsRefused()
    {
        await portal.CreateActiveUserAsync("locked-refresh@example.com", "Locked-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(("locked-refresh@example.com", "Locked-2026"));

        // Set directly, without the staff console's revocation: the refresh itself re-checks the account.
        // (A lockout after wrong passwords does not end grants: see StrangerLockoutTests.)
        await portal.WithUserAsync("locked-refresh@example.com", (users, user) =>
        {
            user.StaffLockedAt = DateTimeOffset.UtcNow;
            return users.UpdateAsync(user);
        });

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task Refresh_AfterTheSecurityStampChanged_IsRefused()
    {
        await portal.CreateActiveUserAsync("stamp-refresh@example.com", "Stamped-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(("stamp-refresh@example.com", "Stamped-2026"));

        await portal.WithUserAsync("stamp-refresh@example.com", (users, user) => users.UpdateSecurityStampAsync(user));

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task Refresh_ReflectsTheUsersCurrentProfile()
    {
        await portal.CreateActiveUserAsync("renamed@example.com", "Renamed-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(("renamed@example.com", "Renamed-2026"));

        await portal.WithUserAsync("renamed@example.com", async (users, user) =>
        {
            user.FamilyName = "改名";
            await users.UpdateAsync(user);
        });
        var refreshed = await client.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal("改名", refreshed.ReadIdToken().GetClaim("family_name").Value);
    }

    [Fact]
    public async Task RefreshToken_OfAnotherClient_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var tokens = await OAuthClient.Native(browser).SignInAsync(Accounts.Buyer, scope: "openid offline_access");

        var stolen = await OAuthClient.Web(browser).RefreshAsync(tokens.RefreshToken!);

        Assert.Equal("invalid_grant", stolen.Error);
    }
}
