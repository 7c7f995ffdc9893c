using System.Net;
using System.Text.Json;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.FunctionalTests.Seeding;

/// <summary>
/// seed/ is declarative: a restart applies it again when it changed, without duplicates, and a
/// dropped-in file registers a client.
/// </summary>
public sealed class SeedTests
{
    [Fact]
    public async Task Restart_SeedsNothingTwice_AndKeepsKeysSessionsAndTokens()
    {
        using var first = new PortalFactory();
        using var browser = first.CreateBrowser();
        var tokens = await OAuthClient.Web(browser).SignInAsync(Accounts.Buyer);
        var jwks = await browser.Http.GetStringAsync("/.well-known/jwks");
        var countsBefore = await CountsAsync(first);
        await first.DisposeAsyncKeepingFolders();

        using var second = PortalFactory.RestartOf(first);
        using var afterRestart = second.CreateBrowser();

        Assert.Equal(countsBefore, await CountsAsync(second));
        Assert.Equal(jwks, await afterRestart.Http.GetStringAsync("/.well-known/jwks"));
        var refreshed = await OAuthClient.Web(afterRestart).RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.True((await OAuthClient.Web(afterRestart).IntrospectAsync(refreshed.AccessToken!)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task DroppingAClientFile_AndRestarting_RegistersIt_AndEditingItUpdatesIt()
    {
        using var first = new PortalFactory();
        _ = first.Server; // start once with the standard files
        await first.DisposeAsyncKeepingFolders();
        TestClients.Write(first.SeedFolder, new
        {
            clientId = "dropped-in",
            displayName = "Dropped in",
            type = "confidential",
            secret = "dropped-in-secret",
            grantTypes = new[] { "client_credentials" },
            scopes = new[] { "addresses" },
        });

        using var second = PortalFactory.RestartOf(first);
        using var browser = second.CreateBrowser();
        var tokens = await new OAuthClient(browser, "dropped-in", "dropped-in-secret", "").ClientCredentialsAsync("addresses");
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        await second.DisposeAsyncKeepingFolders();

        // The operator rotates the secret in the file: the old one stops working.
        var path = Path.Combine(first.SeedFolder, "clients", "dropped-in.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("dropped-in-secret", "rotated-secret"));
        using var third = PortalFactory.RestartOf(first);
        using var thirdBrowser = third.CreateBrowser();
        Assert.Equal("invalid_client", (await new OAuthClient(thirdBrowser, "dropped-in", "dropped-in-secret", "").ClientCredentialsAsync()).Error);
        Assert.Equal(HttpStatusCode.OK, (await new OAuthClient(thirdBrowser, "dropped-in", "rotated-secret", "").ClientCredentialsAsync()).Status);
    }

    [Fact]
    public async Task Restart_WithTheSameSeed_SkipsSeeding_AndAChangedSeedIsAppliedWhole()
    {
        using var first = new PortalFactory();
        await ChangePasswordAsync(first, Accounts.Buyer.Email, "Tried-Another-2026");
        await first.DisposeAsyncKeepingFolders();

        // Nothing in seed/ changed: the start does not hash the demo passwords again, so the new one stays.
        using (var second = PortalFactory.RestartOf(first))
        {
            Assert.True(await PasswordMatchesAsync(second, Accounts.Buyer.Email, "Tried-Another-2026"));
            await second.DisposeAsyncKeepingFolders();
        }

        // A file of seed/ changed: all of it is applied again, the declared password included.
        TestClients.Write(first.SeedFolder, new
        {
            clientId = "added-later", displayName = "Added later", type = "confidential", secret = "added-later-secret",
            grantTypes = new[] { "client_credentials" }, scopes = new[] { "addresses" },
        });
        using var third = PortalFactory.RestartOf(first);
        Assert.True(await PasswordMatchesAsync(third, Accounts.Buyer.Email, Accounts.Buyer.Password));
        using var browser = third.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK,
            (await new OAuthClient(browser, "added-later", "added-later-secret", "").ClientCredentialsAsync("addresses")).Status);
    }

    [Fact]
    public async Task SeededRolesAndDevelopmentUsers_AreThereOnce()
    {
        using var portal = new PortalFactory();
        using var scope = portal.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        Assert.Equal(
            ["admin", "equipment-operator", "equipment-purchaser", "staff", "supplies-buyer"],
            await roles.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        var declared = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "seed", "development-users.json"))).RootElement;
        foreach (var user in declared.EnumerateArray())
        {
            var email = user.GetProperty("email").GetString()!;
            var entity = await users.FindByEmailAsync(email);
            Assert.NotNull(entity);
            Assert.Equal(AccountStatus.Active, entity.Status);
            Assert.True(await users.CheckPasswordAsync(entity, user.GetProperty("password").GetString()!), email);
        }
    }

    [Fact]
    public async Task Database_IsMigrated_SqliteInTheDataFolderInWalMode_OrPostgreSqlWhenConfigured()
    {
        using var portal = new PortalFactory();
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(File.Exists(Path.Combine(portal.DataFolder, "keys", "signing.pfx")));
        if (PortalFactory.Postgres is null)
        {
            Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single());
            Assert.True(File.Exists(Path.Combine(portal.DataFolder, "portal.db")));
        }
        else
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.False(File.Exists(Path.Combine(portal.DataFolder, "portal.db")));
        }
    }

    private static async Task ChangePasswordAsync(PortalFactory portal, string email, string password)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password)).Succeeded);
    }

    private static async Task<bool> PasswordMatchesAsync(PortalFactory portal, string email, string password)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private static async Task<(int Applications, int Scopes, int Roles, int Users)> CountsAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        return (
            (int)await services.GetRequiredService<IOpenIddictApplicationManager>().CountAsync(),
            (int)await services.GetRequiredService<IOpenIddictScopeManager>().CountAsync(),
            await services.GetRequiredService<RoleManager<PortalRole>>().Roles.CountAsync(),
            await services.GetRequiredService<UserManager<PortalUser>>().Users.CountAsync());
    }
}
