using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

public sealed class TokenPruningTests
{
    [Fact]
    public async Task Pruning_RemovesRevokedTokensAndAuthorizations_AndKeepsLiveOnes()
    {
        using var portal = new PortalFactory();
        portal.Settings["Pruning:Retention"] = "00:00:00";
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var dead = await client.SignInAsync(Accounts.Buyer);
        await client.RevokeAsync(dead.RefreshToken!);
        using var other = portal.CreateBrowser();
        var live = await OAuthClient.Web(other).SignInAsync(Accounts.Operator);
        var before = await CountTokensAsync(portal);

        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TokenPruning>().PruneAsync();
        }

        Assert.True(await CountTokensAsync(portal) < before);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await OAuthClient.Web(other).RefreshAsync(live.RefreshToken!)).Status);
    }

    private static async Task<long> CountTokensAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().CountAsync();
    }
}
