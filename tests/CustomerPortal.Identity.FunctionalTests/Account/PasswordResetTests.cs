using System.Net;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>Guide section 6: reset by emailed link and change with the current password; both end every other session and grant.</summary>
public sealed class PasswordResetTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    private const string OldPassword = "Old-Pass-2026";
    private const string NewPassword = "New-Pass-2026";

    [Fact]
    public async Task Reset_ByEmailedLink_EndsOtherSessionsAndGrants_AndSendsANotice()
    {
        var email = await NewCustomerAsync();
        using var otherDevice = portal.CreateBrowser();
        var app = OAuthClient.Web(otherDevice);
        var grant = await app.SignInAsync((email, OldPassword));
        using var browser = portal.CreateBrowser();

        var forgot = await browser.GetPageAsync("/account/forgot-password");
        var answer = await browser.ParseAsync(await browser.SubmitAsync(forgot, "section form[method=post]",
            new Dictionary<string, string> { ["Email"] = email }));
        Assert.Contains("リセット用リンクをお送りしました", answer.QuerySelector("[role=status]")!.TextContent);

        var mail = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】パスワードの再設定", mail.Subject);
        var link = MailLinks.Find(mail, "/account/reset-password");
        var resetPage = await browser.GetPageAsync(link);
        // The page and the mail name it alike, and the fields ask for the new password.
        Assert.Equal("パスワードの再設定", resetPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("パスワードの再設定のお申し込みを受け付けました", mail.TextBody);
        Assert.Equal("新しいパスワード", resetPage.QuerySelector("label[for=password]")!.TextContent);
        Assert.Equal("新しいパスワード（確認）", resetPage.QuerySelector("label[for=confirm-password]")!.TextContent);
        var weak = await browser.ParseAsync(await browser.SubmitAsync(resetPage, "section form[method=post]",
            new Dictionary<string, string> { ["Password"] = "weak", ["ConfirmPassword"] = "weak" }));
        Assert.NotNull(weak.QuerySelector("#password-error"));
        var done = await browser.ParseAsync(await browser.SubmitAsync(weak, "section form[method=post]",
            new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword }));
        Assert.NotNull(done.QuerySelector(".alert-success"));

        // The link works once.
        Assert.Equal("/account/link?purpose=reset-password&reason=used", (await browser.GetAsync(link)).Headers.Location!.ToString());
        // Everything the old password opened is closed: the refresh token, the access token, the session.
        Assert.Equal("invalid_grant", (await app.RefreshAsync(grant.RefreshToken!)).Error);
        Assert.False((await app.IntrospectAsync(grant.AccessToken!)).Body.GetProperty("active").GetBoolean());
        Assert.Equal("login_required", (await app.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
        // The new password works, the old does not, and the owner is told.
        Assert.Equal(HttpStatusCode.Redirect, (await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, NewPassword)).StatusCode);
        var changed = (await portal.Smtp.WaitForAsync(email, 2))[1];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】パスワードが変更されました", changed.Subject);
    }

    [Fact]
    public async Task Forgot_AnswersAlikeForUnknownAddresses_AndLimitsMailsPerAccount()
    {
        var email = await NewCustomerAsync();
        using var browser = portal.CreateBrowser();

        var unknown = await RequestAsync(browser, "nobody-" + Guid.NewGuid().ToString("n") + "@example.com");
        var known = "";
        for (var i = 0; i < 5; i++)
        {
            known = await RequestAsync(browser, email);
        }

        Assert.Equal(unknown, known);
        // Mails are queued with the request that causes them: the outbox proves no more will come.
        var user = await portal.FindUserAsync(email);
        Assert.Equal(3, (await portal.OutboxForAsync(user.Id)).Count(m => m.Template == "password-reset")); // Registration:ResetLinksPerAccountPerHour
        Assert.Equal(3, (await portal.Smtp.WaitForAsync(email, 3)).Count);
    }

    [Fact]
    public async Task Change_WithTheCurrentPassword_KeepsThisSessionAndEndsTheOthers()
    {
        var email = await NewCustomerAsync();
        using var otherDevice = portal.CreateBrowser();
        var otherApp = OAuthClient.Web(otherDevice);
        var grant = await otherApp.SignInAsync((email, OldPassword));
        using var browser = await SettingsPage.SignedInAsync(portal, email, OldPassword);
        var page = await browser.GetPageAsync("/account/password");
        Assert.Equal("新しいパスワード", page.QuerySelector("section.change-with-current label[for=password]")!.TextContent);
        Assert.Equal("新しいパスワード（確認）", page.QuerySelector("section.change-with-current label[for=confirm-password]")!.TextContent);

        var wrong = await browser.ParseAsync(await browser.SubmitAsync(page, "section.change-with-current form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Wrong-Pass-1", ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }));
        Assert.Equal("現在のパスワードが正しくありません。", wrong.QuerySelector("#current-error")!.TextContent.Trim());

        var changed = await browser.ParseAsync(await browser.SubmitAsync(page, "section.change-with-current form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = OldPassword, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }));
        Assert.NotNull(changed.QuerySelector(".alert-success"));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/settings")).StatusCode);
        Assert.NotNull((await OAuthClient.Web(browser).AuthorizeAsync(credentials: null)).Code);
        Assert.Equal("login_required", (await otherApp.AuthorizeAsync(
            credentials: null, extra: new Dictionary<string, string?> { ["prompt"] = "none" })).Error);
        Assert.Equal("invalid_grant", (await otherApp.RefreshAsync(grant.RefreshToken!)).Error);
        var notice = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Contains("パスワードが変更されました", notice.Subject);
    }

    [Fact]
    public async Task ChangePasswordPage_SendsTheResetLinkByMail_TheGuidesWay()
    {
        var email = await NewCustomerAsync();
        using var browser = await SettingsPage.SignedInAsync(portal, email, OldPassword);
        var page = await browser.GetPageAsync("/account/password");

        var response = await browser.SubmitAsync(page, "section.reset-by-mail form", new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("リセット用リンクをお送りしました", (await browser.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent);
        var mail = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】パスワードの再設定", mail.Subject);
        Assert.NotNull(MailLinks.Find(mail, "/account/reset-password"));
    }

    private static async Task<string> RequestAsync(Browser browser, string email)
    {
        var forgot = await browser.GetPageAsync("/account/forgot-password");
        var response = await browser.SubmitAsync(forgot, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await browser.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent;
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"reset-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, OldPassword, "supplies-buyer");
        return email;
    }
}
