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
    public async Task Discovery_ListsTheCompanysCode()
    {
        using var client = portal.CreateClient();
        var discovery = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Contains("company_id", discovery.GetProperty("claims_supported").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task JoinAsync(string email, string code)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var company = await db.Companies.SingleAsync(c => c.Code == code);
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.CompanyId, company.Id));
    }
}
