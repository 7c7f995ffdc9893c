using System.Net;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// Staff find a company however its name is written (or by a machine's serial or a member's
/// email), see its members and machines, edit it, move a member and merge two companies; each
/// change is audited and a merged-away code still leads to the company it became.
/// </summary>
public sealed class StaffCompaniesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("（株）サンプル商事")]
    [InlineData("ｻﾝﾌﾟﾙ商事")]
    [InlineData("1234567")]
    [InlineData("buyer@example.com")]
    [InlineData("c0001")]
    public async Task Search_FindsTheDemoCompany(string query)
    {
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var found = await staff.GetPageAsync($"/staff/companies?q={Uri.EscapeDataString(query)}");

        Assert.Contains("C0001", found.QuerySelector("table.companies")!.TextContent);
    }

    [Fact]
    public async Task TheCompanyPage_ListsItsMembersAndMachines_AndAnEditIsSavedAndAudited()
    {
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var page = await staff.GetPageAsync("/staff/companies/C0001");

        var members = page.QuerySelector("table.members")!.TextContent;
        Assert.Contains("buyer@example.com", members);
        Assert.Contains("operator@example.com", members);
        Assert.Contains("1234567", page.QuerySelector("ul.machines")!.TextContent);

        var saved = await staff.SubmitAsync(page, "form.company-edit", new Dictionary<string, string>
        {
            ["Input.NameKana"] = "サンプルショウジ",
            ["Input.Notes"] = "請求書は本社宛て",
            ["Input.PostalCode"] = "530-0001",
            ["Input.Prefecture"] = "27",
            ["Input.City"] = "大阪市北区",
        });
        Assert.Equal("/staff/companies/C0001?Done=saved", saved.Headers.Location!.OriginalString);
        Assert.Contains("C0001", (await staff.GetPageAsync("/staff/companies?q=サンプルショウジ")).QuerySelector("table.companies")!.TextContent);
        Assert.True(await AuditedAsync("edited C0001"));
        var edited = await staff.GetPageAsync("/staff/companies/C0001");
        Assert.Equal("27", edited.QuerySelector("#Input_Prefecture option[selected]")!.GetAttribute("value"));
        Assert.Equal("大阪市北区", edited.QuerySelector("#Input_City")!.GetAttribute("value"));

        var empty = await staff.SubmitAsync(await staff.GetPageAsync("/staff/companies/C0001"), "form.company-edit",
            new Dictionary<string, string> { ["Input.Name"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await staff.ParseAsync(empty)).QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task MoveAndMerge_CarryMembersAndMachines_AndTheOldCodeLeadsToTheSurvivor()
    {
        var (first, second) = ($"M{Random.Shared.Next(100000, 999999)}", $"N{Random.Shared.Next(100000, 999999)}");
        var (a, b) = ($"a-{Guid.NewGuid():n}@example.com", $"b-{Guid.NewGuid():n}@example.com");
        await ArrangeAsync(first, "株式会社統合元", a, "7000001");
        await ArrangeAsync(second, "統合先株式会社", b, "7000002");
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var page = await staff.GetPageAsync($"/staff/companies/{first}");
        var unknown = await staff.SubmitAsync(page, "form.company-merge", new Dictionary<string, string> { ["TargetCode"] = "NO-SUCH" });
        Assert.NotNull((await staff.ParseAsync(unknown)).QuerySelector("[role=alert]"));

        var merged = await staff.SubmitAsync(page, "form.company-merge", new Dictionary<string, string> { ["TargetCode"] = second });
        Assert.Equal($"/staff/companies/{second}?Done=merged", merged.Headers.Location!.OriginalString);
        var survivor = await staff.GetPageAsync($"/staff/companies/{second}");
        Assert.Contains(a, survivor.QuerySelector("table.members")!.TextContent);
        Assert.Contains("7000001", survivor.QuerySelector("ul.machines")!.TextContent);
        Assert.Equal($"/staff/companies/{second}", (await staff.GetAsync($"/staff/companies/{first}")).Headers.Location!.OriginalString);
        Assert.True(await AuditedAsync($"merged {first} into {second}"));

        var moved = await staff.SubmitAsync(survivor, "form.company-move",
            new Dictionary<string, string> { ["MemberId"] = await IdOfAsync(a), ["TargetCode"] = "C0002" });
        Assert.Equal($"/staff/companies/{second}?Done=moved", moved.Headers.Location!.OriginalString);
        Assert.Contains(a, (await staff.GetPageAsync("/staff/companies/C0002")).QuerySelector("table.members")!.TextContent);
        Assert.True(await AuditedAsync($"moved from {second} to C0002"));
    }

    private async Task ArrangeAsync(string code, string name, string email, string serial)
    {
        var user = await portal.CreateActiveUserAsync(email, "Company-Move-2026", "supplies-buyer");
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var company = await scope.ServiceProvider.GetRequiredService<Identity.Companies.CompanyDirectory>().CreateAsync(name, code);
        await db.SaveChangesAsync();
        db.Devices.Add(new Machines.Device { Serial = serial, Model = "DM50", CompanyId = company.Id });
        await db.SaveChangesAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CompanyId, company.Id));
    }

    private async Task<string> IdOfAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> AuditedAsync(string details)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents
            .AnyAsync(e => e.Type == AuditEventType.CompanyChanged && e.Details!.Contains(details));
    }
}
