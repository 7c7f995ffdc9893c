using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// The review page proposes the company a registration belongs to (its serial's, the same name
/// read alike, the same phone or postal code), else a new one; staff confirm or choose, and only an
/// explicit, audited choice puts someone into another company than their serial's.
/// </summary>
public sealed class ReviewCompanyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheSerialsCompany_IsProposedFirst_AndApprovalPutsTheMemberInIt()
    {
        var email = await RegisterAsync(new() { ["Input.CompanyName"] = "（株）サンプル商事", ["Input.Serial"] = "1234567" });
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        // The company's page shows it waiting, as the registration of one of its machines.
        Assert.Contains(email, (await staff.GetPageAsync("/staff/companies/C0001")).QuerySelector("ul.registrations")!.TextContent);
        var review = await ReviewAsync(staff, email);

        var proposed = review.QuerySelector("fieldset.company-choice input[name=CompanyChoice]:checked")!;
        Assert.Equal("C0001", proposed.GetAttribute("value"));
        var reasons = review.QuerySelector($"label[for={proposed.Id}]")!.TextContent;
        Assert.Contains("シリアルナンバー", reasons);
        Assert.Contains("法人名", reasons);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(review, "form.approve")).StatusCode);
        Assert.Equal("C0001", await CompanyCodeOfAsync(email));
    }

    [Fact]
    public async Task AnotherCompanyThanTheSerials_NeedsAnExplicitChoice_WhichIsAudited()
    {
        var email = await RegisterAsync(new() { ["Input.CompanyName"] = "株式会社別会社サービス", ["Input.Serial"] = "1234567" });
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var review = await ReviewAsync(staff, email);

        var unconfirmed = await staff.SubmitAsync(review, "form.approve", new Dictionary<string, string> { ["CompanyChoice"] = "new" });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("別の法人の所有です", (await staff.ParseAsync(unconfirmed)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(await CompanyCodeOfAsync(email));

        var confirmed = await staff.SubmitAsync(review, "form.approve",
            new Dictionary<string, string> { ["CompanyChoice"] = "new", ["ConfirmOverSerial"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Matches("^P[0-9]{6}$", await CompanyCodeOfAsync(email));
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Type == AuditEventType.Approved && e.Email == email
            && e.Details!.Contains("chosen over the serial's company")));
        // The machine stays with the company it belongs to.
        Assert.Equal("C0001", await db.Devices.Where(d => d.Serial == "1234567")
            .Join(db.Companies, d => d.CompanyId, c => c.Id, (d, c) => c.Code).SingleAsync());
    }

    [Fact]
    public async Task TwoPeopleOfANewCompany_RegisteringSeparately_EndUpInOneCompany()
    {
        var name = $"株式会社二人目テスト{Guid.NewGuid():n}"[..20];
        var first = await RegisterAsync(new() { ["Input.CompanyName"] = name, ["Input.Serial"] = "", ["Input.Phone"] = "06-6000-1111" });
        var second = await RegisterAsync(new()
        {
            ["Input.CompanyName"] = name.Replace("株式会社", "（株）", StringComparison.Ordinal),
            ["Input.Serial"] = "",
            ["Input.Phone"] = "06-6000-1111",
        });
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var firstReview = await ReviewAsync(staff, first);
        Assert.Equal("new", firstReview.QuerySelector("input[name=CompanyChoice]:checked")!.GetAttribute("value"));
        await staff.SubmitAsync(firstReview, "form.approve");
        var code = await CompanyCodeOfAsync(first);

        var secondReview = await ReviewAsync(staff, second);
        var proposed = secondReview.QuerySelector("input[name=CompanyChoice]:checked")!;
        Assert.Equal(code, proposed.GetAttribute("value"));
        Assert.Contains("電話番号", secondReview.QuerySelector($"label[for={proposed.Id}]")!.TextContent);
        await staff.SubmitAsync(secondReview, "form.approve");
        Assert.Equal(code, await CompanyCodeOfAsync(second));
    }

    private async Task<string> RegisterAsync(Dictionary<string, string> overrides)
    {
        var email = $"review-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        foreach (var (field, value) in overrides)
        {
            input[field] = value;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(input)).StatusCode);
        return email;
    }

    private static async Task<IDocument> ReviewAsync(Browser staff, string email)
    {
        var queue = await staff.GetPageAsync("/staff/registrations");
        var row = queue.QuerySelectorAll("table.queue tbody tr").Single(r => r.TextContent.Contains(email));
        return await staff.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
    }

    private async Task<string?> CompanyCodeOfAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Users.Where(u => u.Email == email)
            .Select(u => db.Companies.Where(c => c.Id == u.CompanyId).Select(c => c.Code).FirstOrDefault()).SingleAsync();
    }
}
