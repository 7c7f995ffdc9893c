using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>Guide section 5 through the real pages: each section of アカウント設定 round-trips.</summary>
public sealed class AccountSettingsTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    [Fact]
    public async Task TopMenu_OffersAccountSettingsChangePasswordAndSignOut()
    {
        var (browser, _) = await NewCustomerAsync();
        using (browser)
        {
            var home = await browser.GetPageAsync("/");
            var menu = home.QuerySelector("details.user-menu")!;

            Assert.Contains("試験 花子 様", menu.QuerySelector("summary")!.TextContent);
            Assert.NotNull(menu.QuerySelector("a[href='/account/settings']"));
            Assert.NotNull(menu.QuerySelector("a[href='/account/password']"));
            Assert.NotNull(menu.QuerySelector("form[action='/connect/logout']"));
            // The guide's other way: "アカウント設定" in the top menu itself.
            Assert.Equal("アカウント設定", home.QuerySelector("header.top-bar > a.account-settings[href='/account/settings']")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task UserInfo_IsEditedWithThePencil_AndSaved()
    {
        var (browser, email) = await NewCustomerAsync();
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser);

            var saved = await settings.EditAsync("profile", "form.profile-form", new()
            {
                ["Profile.FamilyName"] = "佐々木",
                ["Profile.FamilyNameKana"] = "ササキ",
                ["Profile.Department"] = "購買部",
                ["Profile.Phone"] = "０９０－１２３４－５６７８",
                ["Profile.Language"] = "en",
            });

            // English was chosen: the pages speak it from now on, not only the emails.
            Assert.Equal("Your user info is saved.", saved.Saved);
            Assert.Contains("佐々木", saved.SectionText("profile"));
            Assert.Contains("ササキ", saved.SectionText("profile"));
            Assert.Contains("購買部", saved.SectionText("profile"));
            Assert.Contains("090-1234-5678", saved.SectionText("profile"));
            Assert.Contains("English", saved.SectionText("profile"));
            Assert.Equal("en", (await UserAsync(email)).Locale);
        }
    }

    [Fact]
    public async Task UserInfo_Invalid_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var (browser, _) = await NewCustomerAsync();
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser);

            var result = await settings.EditAsync("profile", "form.profile-form", new() { ["Profile.Phone"] = "12", ["Profile.FamilyName"] = "" });

            Assert.NotNull(result.ErrorFor("Phone"));
            Assert.Equal("この項目は必須です。", result.ErrorFor("FamilyName"));
            Assert.Equal("12", result.Document.QuerySelector("#Phone")!.GetAttribute("value"));
            Assert.Null(result.Saved);
            // Screen readers hear at once that the form came back with errors.
            Assert.Equal("入力内容に誤りがあります。各項目のメッセージをご確認ください。",
                result.Document.QuerySelector("[role=alert]#form-error")!.TextContent.Trim());
            Assert.Contains("Phone-error", result.Document.QuerySelector("#Phone")!.GetAttribute("aria-describedby"));
        }
    }

    [Fact]
    public async Task Email_ChangesOnlyAfterTheNewAddressIsVerified_AndNeedsTheCurrentPassword()
    {
        var (browser, email) = await NewCustomerAsync();
        var newEmail = $"new-{Guid.NewGuid():n}@example.com";
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser);
            var wrong = await settings.EditAsync("email", "form.email-form", new() { ["NewEmail"] = newEmail, ["CurrentPassword"] = "Wrong-Pass1" });
            Assert.Equal("現在のパスワードが正しくありません。", wrong.ErrorFor("CurrentPassword"));

            var requested = await settings.EditAsync("email", "form.email-form", new() { ["NewEmail"] = newEmail, ["CurrentPassword"] = Password });
            Assert.Contains("確認メール", requested.Saved);
            Assert.Contains(newEmail, requested.SectionText("email"));
            Assert.Equal(email, (await UserAsync(email)).Email);

            var notice = (await portal.Smtp.WaitForAsync(email, 1))[0];
            Assert.Contains(newEmail, notice.TextBody);
            var verify = (await portal.Smtp.WaitForAsync(newEmail, 1))[0];
            var confirmPage = await browser.GetPageAsync(MailLinks.Find(verify, "/account/confirm-email"));
            var confirmed = await browser.ParseAsync(await browser.SubmitAsync(confirmPage, "section form[method=post]"));
            Assert.NotNull(confirmed.QuerySelector(".alert-success"));
        }

        using var again = portal.CreateBrowser();
        var oldLogin = await LoginPage.OpenAsync(again);
        Assert.Equal(HttpStatusCode.OK, (await oldLogin.SubmitAsync(email, Password)).StatusCode);
        var newLogin = await LoginPage.OpenAsync(again);
        Assert.Equal(HttpStatusCode.Redirect, (await newLogin.SubmitAsync(newEmail, Password)).StatusCode);
    }

    [Fact]
    public async Task Machines_EquipmentOperatorAddsAndRemoves_WithTheRegistrationRules()
    {
        var (browser, email) = await NewCustomerAsync("equipment-operator");
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser);
            var added = await settings.EditAsync("machines", "form.add-machine", new() { ["Serial"] = "２３４５６７８" });
            Assert.Equal("ご利用機器を更新しました。", added.Saved);
            Assert.Contains("2345678", added.SectionText("machines"));
            Assert.Contains("DM400c", added.SectionText("machines"));

            var invalid = await added.EditAsync("machines", "form.add-machine", new() { ["Serial"] = "12ab" });
            Assert.Equal("シリアルナンバーは7桁の数字でご入力ください。", invalid.ErrorFor("Serial"));
            var twice = await added.EditAsync("machines", "form.add-machine", new() { ["Serial"] = "2345678" });
            Assert.NotNull(twice.ErrorFor("Serial"));

            var unknown = await added.EditAsync("machines", "form.add-machine", new() { ["Serial"] = "8765432" });
            Assert.Contains("8765432", unknown.SectionText("machines"));
            // Flagged like at registration, and staff see the flag on the user's page.
            using (var staff = portal.CreateBrowser())
            {
                await (await LoginPage.OpenAsync(staff)).SubmitAsync(Accounts.Staff.Email, Accounts.Staff.Password);
                var detail = await staff.GetPageAsync($"/staff/users/{(await UserAsync(email)).Id}");
                var flagged = detail.QuerySelectorAll("dd.machines .machine").Single(m => m.TextContent.Contains("8765432", StringComparison.Ordinal));
                Assert.Equal("台帳にない番号", flagged.QuerySelector(".badge")!.TextContent);
            }

            var editing = await browser.GetPageAsync("/account/settings?edit=machines");
            var removed = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(editing, "form.remove-machine")));
            Assert.DoesNotContain("2345678", removed.QuerySelector("#machines")!.TextContent);
        }
    }

    [Fact]
    public async Task Machines_AreReadOnlyForOtherRoles()
    {
        var (browser, _) = await NewCustomerAsync("supplies-buyer");
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser, edit: "machines");
            Assert.Null(settings.Document.QuerySelector("#machines a.edit-link"));
            Assert.Null(settings.Document.QuerySelector("form.add-machine"));

            // Posting anyway is refused.
            var forged = await browser.Http.PostAsync("/account/settings?handler=AddMachine", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Serial"] = "1234567",
                ["__RequestVerificationToken"] = settings.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }));
            Assert.True(forged.StatusCode == HttpStatusCode.Forbidden || forged.Headers.Location?.ToString().Contains("/error/403") == true,
                $"{(int)forged.StatusCode} {forged.Headers.Location}");
            Assert.DoesNotContain("1234567", (await SettingsPage.OpenAsync(browser)).SectionText("machines"));
        }
    }

    [Fact]
    public async Task ContactPreferences_EachChangeIsRecorded_AndWithdrawalIsAsEasyAsConsent()
    {
        var (browser, email) = await NewCustomerAsync();
        using (browser)
        {
            var settings = await SettingsPage.OpenAsync(browser);
            var consented = await settings.EditAsync("preferences", "form.preferences-form", new() { ["NewsByEmail"] = "true", ["NewsByPhone"] = "true" });
            Assert.Equal("希望する", consented.Document.QuerySelector(".news-email")!.TextContent.Trim());

            var withdrawn = await consented.EditAsync("preferences", "form.preferences-form", new() { ["NewsByEmail"] = "", ["NewsByPhone"] = "true" });
            Assert.Equal("希望しない", withdrawn.Document.QuerySelector(".news-email")!.TextContent.Trim());
            Assert.Equal("希望する", withdrawn.Document.QuerySelector(".news-phone")!.TextContent.Trim());

            var history = withdrawn.Document.QuerySelectorAll(".preference-history li").Select(li => li.TextContent).ToList();
            Assert.Equal(3, history.Count); // email on, phone on, email off
            Assert.Contains("製品案内（メール） — 希望しない（アカウント設定）", history[0]);
            Assert.Matches(@"^\s*\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}", history[0]);
        }
        // Staff can show the consent later: the same history on the user's page in the console.
        using var staff = portal.CreateBrowser();
        await (await LoginPage.OpenAsync(staff)).SubmitAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var detail = await staff.GetPageAsync($"/staff/users/{(await UserAsync(email)).Id}");
        Assert.Equal("希望しない", detail.QuerySelector("dd.news-email")!.TextContent.Trim());
        var recorded = detail.QuerySelectorAll(".preference-history li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, recorded.Count);
        Assert.Contains("製品案内（メール） — 希望しない（アカウント設定）", recorded[0]);
    }

    public const string Password = "Settings-2026";

    private async Task<(Browser Browser, string Email)> NewCustomerAsync(params string[] roles)
    {
        var email = $"settings-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, roles.Length == 0 ? ["supplies-buyer"] : roles);
        return (await SettingsPage.SignedInAsync(portal, email, Password), email);
    }

    private async Task<PortalUser> UserAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.AsNoTracking()
            .SingleAsync(u => u.Email == email || u.PendingEmail == email);
    }
}
