using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>
/// Account settings show the roles the customer was granted, each with the services it gives (the
/// texts of the registration page), and the roles asked for at registration that were not granted.
/// </summary>
public sealed class GrantedRolesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Granted-2026";

    [Fact]
    public async Task Settings_ListGrantedRolesWithTheirServices_AndRequestedRolesNotGranted_InBothLanguages()
    {
        var email = await ArrangeAsync(
            granted: [PortalRoles.SuppliesBuyer],
            requested: [PortalRoles.SuppliesBuyer, PortalRoles.EquipmentOperator]);
        using var browser = await portal.SignedInBrowserAsync(email, Password);

        var japanese = await browser.GetPageAsync("/account/settings");
        await browser.GetAsync("/language/en?returnUrl=%2F");
        var english = await browser.GetPageAsync("/account/settings");

        var granted = japanese.QuerySelectorAll("#roles ul.granted-roles li").ToList();
        Assert.Equal([PortalRoles.SuppliesBuyer], granted.Select(li => li.GetAttribute("data-role")));
        Assert.Contains("消耗品ご購入担当者", granted[0].TextContent);
        Assert.Contains("消耗品のご注文", granted[0].TextContent);
        var notGranted = japanese.QuerySelectorAll("#roles ul.roles-not-granted li").ToList();
        Assert.Equal([PortalRoles.EquipmentOperator], notGranted.Select(li => li.GetAttribute("data-role")));
        Assert.Contains("実際に機器をご利用される責任者", notGranted[0].TextContent);
        Assert.Contains("付与されていない", japanese.QuerySelector("#roles")!.TextContent);

        Assert.Contains("Supplies buyer", english.QuerySelector("#roles ul.granted-roles li")!.TextContent);
        Assert.Contains("Ordering supplies", english.QuerySelector("#roles ul.granted-roles li")!.TextContent);
        Assert.Contains("Equipment operator", english.QuerySelector("#roles ul.roles-not-granted li")!.TextContent);
        Assert.Contains("not granted", english.QuerySelector("#roles")!.TextContent);
    }

    [Fact]
    public async Task Settings_ListEveryGrantedRoleInTheGuidesOrder_AndNothingMissing_WhenAllRequestedWereGranted()
    {
        var email = await ArrangeAsync(
            granted: [PortalRoles.EquipmentOperator, PortalRoles.EquipmentPurchaser],
            requested: [PortalRoles.EquipmentPurchaser]);
        using var browser = await portal.SignedInBrowserAsync(email, Password);

        var page = await browser.GetPageAsync("/account/settings");

        Assert.Equal(
            [PortalRoles.EquipmentPurchaser, PortalRoles.EquipmentOperator],
            page.QuerySelectorAll("#roles ul.granted-roles li").Select(li => li.GetAttribute("data-role")));
        Assert.Contains("新サービス・新機能のご案内", page.QuerySelector("#roles li[data-role=equipment-purchaser]")!.TextContent);
        Assert.Contains("ご利用機器情報の登録", page.QuerySelector("#roles li[data-role=equipment-operator]")!.TextContent);
        Assert.Null(page.QuerySelector("#roles .roles-not-granted"));
    }

    [Fact]
    public async Task Settings_SayWhenNoRoleIsGranted()
    {
        var email = await ArrangeAsync(granted: [], requested: [PortalRoles.SuppliesBuyer]);
        using var browser = await portal.SignedInBrowserAsync(email, Password);

        var page = await browser.GetPageAsync("/account/settings");

        Assert.Contains("付与されている役割はありません", page.QuerySelector("#roles .no-roles")!.TextContent);
        Assert.Equal([PortalRoles.SuppliesBuyer], page.QuerySelectorAll("#roles ul.roles-not-granted li").Select(li => li.GetAttribute("data-role")));
    }

    private async Task<string> ArrangeAsync(string[] granted, string[] requested)
    {
        var email = $"roles-{Guid.NewGuid():n}@example.com";
        var user = await portal.CreateActiveUserAsync(email, Password, granted);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.RequestedRoles.AddRange(requested.Select(role => new RequestedRole { UserId = user.Id, Role = role }));
        await db.SaveChangesAsync();
        return email;
    }
}
