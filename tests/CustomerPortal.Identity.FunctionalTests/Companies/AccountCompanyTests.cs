using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// Account settings show the member's company (name and code) and the company's machines; the
/// 責任者 (equipment-purchaser) also sees the company's people and their roles, the others do not.
/// </summary>
public sealed class AccountCompanyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ABuyer_SeesTheCompanyAndItsMachines_ButNotItsPeople()
    {
        using var buyer = await portal.SignedInBrowserAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        var settings = await buyer.GetPageAsync("/account/settings");

        Assert.Equal("株式会社サンプル商事", settings.QuerySelector("#company .company-name")!.TextContent);
        Assert.Equal("C0001", settings.QuerySelector("#company .company-code")!.TextContent);
        // 2345678 was listed by a colleague (the operator); it is the company's, so the buyer's too.
        var machines = settings.QuerySelector("table.machines")!.TextContent;
        Assert.Contains("1234567", machines);
        Assert.Contains("2345678", machines);
        Assert.Null(settings.QuerySelector("table.company-members"));
    }

    [Fact]
    public async Task ThePurchaser_SeesThePeopleOfTheCompanyAndTheirRoles()
    {
        using var purchaser = await portal.SignedInBrowserAsync(Accounts.Purchaser.Email, Accounts.Purchaser.Password);

        var members = (await purchaser.GetPageAsync("/account/settings")).QuerySelector("table.company-members")!.TextContent;

        Assert.Contains("佐藤 花子", members);
        Assert.Contains("消耗品", members);
    }
}
