using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// The portal scope speaks of the company as staff set it up: its code and name from the company
/// record (not what the member typed at sign-up), and the company's machines, whoever registered them.
/// </summary>
public sealed class CompanyClaimsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Company-Claims-2026";

    [Fact]
    public async Task AMemberWithoutMachinesOfTheirOwn_GetsTheCompanysCodeNameAndMachines()
    {
        var email = $"member-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        await JoinAsync(email, "C0001");
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var tokens = await client.SignInAsync((email, Password), "openid portal");
        var info = (await client.UserInfoAsync(tokens.AccessToken!)).Body;

        Assert.Equal("C0001", info.GetProperty("company_id").GetString());
        Assert.Equal("株式会社サンプル商事", info.GetProperty("company_name").GetString());
        Assert.Equal(["1234567", "2345678"], info.GetProperty("machine_serial").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("C0001", tokens.ReadIdToken().GetClaim("company_id").Value);
    }

    [Fact]
    public async Task AfterAMerge_TheSurvivorsMembersGetTheMergedCodes_SoAppsFindWhatTheyKeptUnderThem()
    {
        var (survivor, mergedAway) = ($"S{Random.Shared.Next(100000, 999999)}", $"T{Random.Shared.Next(100000, 999999)}");
        var (stays, moves) = ($"stays-{Guid.NewGuid():n}@example.com", $"moves-{Guid.NewGuid():n}@example.com");
        await portal.CreateActiveUserAsync(stays, Password, "supplies-buyer");
        await portal.CreateActiveUserAsync(moves, Password, "supplies-buyer");
        using (var scope = portal.Services.CreateScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<Identity.Companies.CompanyDirectory>();
            await directory.CreateAsync("株式会社存続", survivor);
            await directory.CreateAsync("株式会社統合元", mergedAway);
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }
        await JoinAsync(stays, survivor);
        await JoinAsync(moves, mergedAway);
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        Assert.False((await client.SignInAsync((stays, Password), "openid portal")).ReadIdToken().TryGetClaim("company_former_ids", out _));

        using (var scope = portal.Services.CreateScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<Identity.Staff.Companies.CompanyAdministration>();
            var merged = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Companies.SingleAsync(c => c.Code == mergedAway);
            Assert.NotNull(await administration.MergeAsync(merged, survivor, "test"));
        }
        foreach (var member in new[] { stays, moves })
        {
            using var memberBrowser = portal.CreateBrowser();
            var memberClient = OAuthClient.Web(memberBrowser);
            var tokens = await memberClient.SignInAsync((member, Password), "openid portal");
            var info = (await memberClient.UserInfoAsync(tokens.AccessToken!)).Body;

            Assert.Equal(survivor, info.GetProperty("company_id").GetString());
            Assert.Equal([mergedAway], info.GetProperty("company_former_ids").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(mergedAway, tokens.ReadIdToken().GetClaim("company_former_ids").Value);
        }
    }

    [Fact]
    public async Task Discovery_ListsTheCompanysCodeAndTheMergedCodes()
    {
        using var client = portal.CreateClient();
        var discovery = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        var claims = discovery.GetProperty("claims_supported").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("company_id", claims);
        Assert.Contains("company_former_ids", claims);
    }

    private async Task JoinAsync(string email, string code)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var company = await db.Companies.SingleAsync(c => c.Code == code);
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.CompanyId, company.Id));
    }
}
