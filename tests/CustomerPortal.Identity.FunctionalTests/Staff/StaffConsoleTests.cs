using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Staff;

/// <summary>The daily work of staff through the console's pages, each action leaving its audit entry.</summary>
public sealed class StaffConsoleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Console-2026";

    [Fact]
    public async Task UserSearch_FindsByEmailCompanyAndSerial()
    {
        var email = await NewCustomerAsync();
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        foreach (var query in new[] { email, "試験株式会社", "１２３４５６７" })
        {
            var results = await staff.GetPageAsync("/staff/users?q=" + Uri.EscapeDataString(query));
            Assert.Contains(email, results.QuerySelector("table.users")?.TextContent ?? $"nothing for {query}");
        }
    }

    [Fact]
    public async Task Lock_EndsTheCustomersGrantsAndSignIns_UnlockRestoresThem_BothAudited()
    {
        var email = await NewCustomerAsync();
        using var customer = portal.CreateBrowser();
        var grant = await OAuthClient.Web(customer).SignInAsync((email, Password));
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var detail = await OpenDetailAsync(staff, email);

        var locked = await staff.ParseAsync(await staff.FollowAsync(await staff.SubmitAsync(detail, "form.lock")));
        Assert.NotNull(locked.QuerySelector(".locked"));
        Assert.Equal("invalid_grant", (await OAuthClient.Web(customer).RefreshAsync(grant.RefreshToken!)).Error);
        using (var again = portal.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.OK, (await (await LoginPage.OpenAsync(again)).SubmitAsync(email, Password)).StatusCode);
        }

        await staff.FollowAsync(await staff.SubmitAsync(locked, "form.unlock"));
        using (var again = portal.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (await LoginPage.OpenAsync(again)).SubmitAsync(email, Password)).StatusCode);
        }

        var audit = await staff.GetPageAsync("/staff/audit?email=" + Uri.EscapeDataString(email));
        var types = audit.QuerySelectorAll("table.audit tbody tr").Select(r => r.GetAttribute("data-type")).ToList();
        Assert.Contains("AccountLocked", types);
        Assert.Contains("AccountUnlocked", types);
        Assert.Contains("SignInSucceeded", types);
        Assert.Contains("staff@example.com", audit.QuerySelector("tr[data-type=AccountLocked]")!.TextContent);
    }

    [Fact]
    public async Task RolesChange_ReachesTheNextToken_AndIsAudited()
    {
        var email = await NewCustomerAsync();
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var detail = await OpenDetailAsync(staff, email);
        Assert.Null(detail.QuerySelector("#role-admin")); // only admins grant staff roles

        await staff.SubmitAsync(detail, "form.roles", new Dictionary<string, string> { ["roles"] = "supplies-buyer\nequipment-operator" });
        // The page lists them as Japanese lists are written, with 、.
        var granted = (await OpenDetailAsync(staff, email)).QuerySelector(".granted-roles")!.TextContent;
        Assert.Contains("消耗品ご購入担当者", granted);
        Assert.Contains("、", granted);
        Assert.DoesNotContain(",", granted);

        using var customer = portal.CreateBrowser();
        var tokens = await OAuthClient.Web(customer).SignInAsync((email, Password));
        Assert.Equal(["equipment-operator", "supplies-buyer"], tokens.ReadIdToken().Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        var audit = await staff.GetPageAsync("/staff/audit?type=RolesChanged&email=" + Uri.EscapeDataString(email));
        // The roles as the staff member reads them, not their names in the code.
        var row = audit.QuerySelector("table.audit tbody tr")!.TextContent;
        Assert.Contains("追加：実際に機器をご利用される責任者", row);
        Assert.DoesNotContain("equipment-operator", row);
    }

    [Fact]
    public async Task EndSessions_EndsTheCustomersAppsAtOnce()
    {
        var email = await NewCustomerAsync();
        using var customer = portal.CreateBrowser();
        var app = OAuthClient.Web(customer);
        var grant = await app.SignInAsync((email, Password));
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        await staff.SubmitAsync(await OpenDetailAsync(staff, email), "form.end-sessions");

        Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
        Assert.Equal("login_required", (await app.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
        var audit = await staff.GetPageAsync("/staff/audit?type=SessionsEnded&email=" + Uri.EscapeDataString(email));
        var row = audit.QuerySelector("table.audit tbody tr[data-type=SessionsEnded]")!;
        Assert.Contains("全セッション終了", row.TextContent); // the type in the staff member's language
        Assert.Contains("staff@example.com", row.TextContent);
    }

    [Fact]
    public async Task Resend_SendsTheMailOfTheStepTheAccountWaitsFor_AndIsAudited()
    {
        var email = await NewCustomerAsync();
        await portal.WithUserAsync(email, async (users, user) =>
        {
            user.Status = AccountStatus.Approved; // approved, the address not verified yet
            await users.UpdateAsync(user);
        });
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        await staff.SubmitAsync(await OpenDetailAsync(staff, email), "form.resend");

        using (var scope = portal.Services.CreateScope())
        {
            var queued = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Recipient == email).Select(m => m.Template).ToListAsync();
            Assert.Equal(["verify-email"], queued);
        }
        var audit = await staff.GetPageAsync("/staff/audit?type=ActivationMailResent&email=" + Uri.EscapeDataString(email));
        var row = audit.QuerySelector("table.audit tbody tr")!.TextContent;
        Assert.Contains("アクティベーションメール再送", row);
        Assert.Contains("再送したメール：メールアドレスの認証依頼", row);
        Assert.DoesNotContain("VerifyEmail", row);
    }

    [Fact]
    public async Task Outbox_ShowsFailedMail_AndRetryQueuesItAgain()
    {
        Guid id;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            id = Guid.NewGuid();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = id, Template = "activation-complete", Recipient = $"stuck-{id:n}@example.com", Subject = "stuck", HtmlBody = "<p>x</p>", TextBody = "x",
                Status = OutboxStatus.Uncertain, Attempts = 1, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
                LastError = "interrupted",
            });
            await db.SaveChangesAsync();
        }
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var outbox = await staff.GetPageAsync("/staff/outbox");
        Assert.Equal("Uncertain", outbox.QuerySelector($"tr[data-mail='{id}']")!.GetAttribute("data-status"));
        Assert.Contains("送信状況不明（1）", outbox.QuerySelector($"tr[data-mail='{id}']")!.TextContent); // the attempts, in full-width brackets
        await staff.SubmitAsync(outbox, $"tr[data-mail='{id}'] form");

        // The worker picks it up again (this test portal writes mail to its folder).
        await Eventually.TrueAsync(async () =>
        {
            using var scope = portal.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            return (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)).Status == OutboxStatus.Sent;
        }, "the retried mail sent");
        var audit = await staff.GetPageAsync("/staff/audit?type=MailRetried");
        Assert.Contains($"stuck-{id:n}@example.com", audit.QuerySelector("table.audit")!.TextContent);
    }

    [Fact]
    public async Task Console_IsRefusedToCustomers()
    {
        using var customer = await SignedInAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        foreach (var path in new[] { "/staff/users", "/staff/audit", "/staff/outbox", "/staff/notices", "/staff/maintenance", "/staff/theme/emails" })
        {
            var response = await customer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403") == true,
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Clients_AreListedForAdmins()
    {
        using var admin = await SignedInAsync("admin@example.com", "Admin-2026");

        var clients = await admin.GetPageAsync("/staff/clients");

        Assert.Contains(TestClients.WebRedirectUri, clients.QuerySelector($"tr[data-client='{TestClients.WebClientId}']")!.TextContent);
        // The client and consent types in the staff member's words, not OpenIddict's values.
        var ordering = clients.QuerySelector("tr[data-client='ordering']")!.TextContent;
        Assert.Contains("機密クライアント（シークレットあり）、同意画面なし", ordering);
        Assert.DoesNotContain("confidential", ordering);
    }

    [Fact]
    public async Task AuditPage_InJapanese_ShowsTheValuesOfThePortalsListsInJapanese()
    {
        // A registration without a serial number, then the sign-in of a member of staff.
        var email = $"audit-ja-{Guid.NewGuid():n}@example.com";
        using (var visitor = portal.CreateBrowser())
        {
            var form = await RegistrationPage.OpenAsync(visitor);
            await form.SubmitAsync(new Dictionary<string, string>(RegistrationPage.ValidInput(email)) { ["Input.Serial"] = "" });
        }
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var registered = (await staff.GetPageAsync("/staff/audit?type=Registered&email=" + Uri.EscapeDataString(email)))
            .QuerySelector("table.audit tbody tr[data-type=Registered]")!.TextContent;
        var signedIn = (await staff.GetPageAsync("/staff/audit?type=SignInSucceeded&email=" + Uri.EscapeDataString(Accounts.Staff.Email)))
            .QuerySelector("table.audit tbody tr[data-type=SignInSucceeded]")!.TextContent;

        Assert.Contains("シリアルナンバー：未入力", registered);
        Assert.DoesNotContain("NotGiven", registered);
        Assert.DoesNotContain("serial check", registered);
        Assert.Contains("パスワード", signedIn);
        Assert.DoesNotContain("pwd", signedIn);
    }

    [Fact]
    public async Task SignInFailures_AreAudited_WithoutThePassword()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);
        await login.SubmitAsync("nobody-audit@example.com", "Secret-Guess-1");
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var audit = await staff.GetPageAsync("/staff/audit?type=SignInFailed&email=nobody-audit@example.com");

        Assert.Contains("nobody-audit@example.com", audit.QuerySelector("table.audit")!.TextContent);
        Assert.DoesNotContain("Secret-Guess-1", audit.Body!.TextContent);
    }

    private async Task<AngleSharp.Dom.IDocument> OpenDetailAsync(Browser staff, string email)
    {
        var results = await staff.GetPageAsync("/staff/users?q=" + Uri.EscapeDataString(email));
        return await staff.GetPageAsync(results.QuerySelector("table.users a")!.GetAttribute("href")!);
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"console-{Guid.NewGuid():n}@example.com";
        var user = await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.UserMachines.Add(new CustomerPortal.Identity.Machines.UserMachine { UserId = user.Id, Serial = "1234567", AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return email;
    }

    private Task<Browser> SignedInAsync(string email, string password) => portal.SignedInBrowserAsync(email, password);
}
