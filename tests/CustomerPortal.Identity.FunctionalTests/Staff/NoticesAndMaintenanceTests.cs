using System.Net;
using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Staff;

/// <summary>Notices posted by staff appear on the sign-in page in their window; maintenance switches on and off without a restart.</summary>
public sealed class NoticesAndMaintenanceTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task Notice_AppearsOnTheSignInPageInBothLanguages_OnlyWithinItsWindow()
    {
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var editor = await staff.GetPageAsync("/staff/notices");
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var saved = await staff.SubmitAsync(editor, "form.notice-form",
            Notice("年末年始の営業について", "Year-end holidays", now.AddMinutes(-5), null));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await staff.ParseAsync(saved)).QuerySelector("main")?.TextContent);
        await staff.SubmitAsync(editor, "form.notice-form", Notice("未来のお知らせ", "Future notice", now.AddDays(3), null));
        await staff.SubmitAsync(editor, "form.notice-form", Notice("終了したお知らせ", "Expired notice", now.AddDays(-3), now.AddDays(-1)));

        using var visitor = _portal.CreateBrowser();
        var japanese = (await LoginPage.OpenAsync(visitor)).Document.QuerySelector("section.notices")!.TextContent;
        await visitor.GetAsync("/language/en?returnUrl=%2F");
        var english = (await LoginPage.OpenAsync(visitor)).Document.QuerySelector("section.notices")!.TextContent;

        Assert.Contains("年末年始の営業について", japanese);
        Assert.DoesNotContain("未来のお知らせ", japanese);
        Assert.DoesNotContain("終了したお知らせ", japanese);
        Assert.Contains("Year-end holidays", english);
        Assert.DoesNotContain("年末年始", english);
    }

    [Fact]
    public async Task SignInPage_LinksTheGuideUnderResources()
    {
        using var visitor = _portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(visitor);

        var guide = await visitor.GetPageAsync(login.Document.QuerySelector("a[href='/resources/guide']")!.GetAttribute("href")!);

        Assert.Contains("新規登録・登録内容変更ガイド", guide.QuerySelector("h1")!.TextContent);
        Assert.Contains("パスワードルール", guide.Body!.TextContent);
    }

    [Fact]
    public async Task Maintenance_On_ServesCustomers503_KeepsTokensAndStaff_AndOffNeedsNoRestart()
    {
        using var customer = _portal.CreateBrowser();
        var app = OAuthClient.Web(customer);
        var grant = await app.SignInAsync(Accounts.Buyer);
        using var admin = await SignedInAsync("admin@example.com", "Admin-2026");
        var switchPage = await admin.GetPageAsync("/staff/maintenance");
        var end = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).AddHours(2)
            .ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        await admin.SubmitAsync(switchPage, "form.maintenance-on", new Dictionary<string, string>
        {
            ["MessageJa"] = "システムメンテナンスのため停止しています。",
            ["MessageEn"] = "Down for system maintenance.",
            ["ExpectedEnd"] = end,
        });

        var page = await customer.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(int.Parse(page.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 60);
        var html = await customer.ParseAsync(page);
        Assert.Contains("システムメンテナンスのため停止しています。", html.Body!.TextContent);
        Assert.Contains("終了予定", html.Body!.TextContent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await customer.GetAsync(app.AuthorizeUrl())).StatusCode);

        // Tokens already issued keep working; discovery answers; staff still sign in and work.
        Assert.Equal(HttpStatusCode.OK, (await app.RefreshAsync(grant.RefreshToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/.well-known/openid-configuration")).StatusCode);
        using (var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff/registrations")).StatusCode);
        }
        // A customer who types the right password is not signed in: no session to come back to.
        using (var late = _portal.CreateBrowser())
        {
            var refused = await late.FollowAsync(await (await LoginPage.OpenAsync(late)).SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("システムメンテナンスのため停止しています。", (await late.ParseAsync(refused)).Body!.TextContent);
            await admin.SubmitAsync(await admin.GetPageAsync("/staff/maintenance"), "form.maintenance-off");
            Assert.Equal(HttpStatusCode.Redirect, (await late.GetAsync("/account/settings")).StatusCode); // to the sign-in page
            await admin.SubmitAsync(await admin.GetPageAsync("/staff/maintenance"), "form.maintenance-on", new Dictionary<string, string>
            {
                ["MessageJa"] = "システムメンテナンスのため停止しています。",
                ["MessageEn"] = "Down for system maintenance.",
                ["ExpectedEnd"] = end,
            });
        }
        var ready = JsonDocument.Parse(await customer.Http.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal("maintenance", ready.GetProperty("checks").GetProperty("maintenance").GetProperty("description").GetString());

        await admin.SubmitAsync(await admin.GetPageAsync("/staff/maintenance"), "form.maintenance-off");

        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/account/settings")).StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await customer.Http.GetStringAsync("/health/ready")).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Maintenance_CanOnlyBeSwitchedByAdmins()
    {
        using var staff = await SignedInAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var response = await staff.GetAsync("/staff/maintenance");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403") == true);
    }

    [Fact]
    public async Task HealthLive_Answers()
    {
        using var client = _portal.CreateClient();

        var live = JsonDocument.Parse(await client.GetStringAsync("/health/live")).RootElement;

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    private static Dictionary<string, string> Notice(string titleJa, string titleEn, DateTimeOffset from, DateTimeOffset? until) => new()
    {
        ["Input.TitleJa"] = titleJa,
        ["Input.TitleEn"] = titleEn,
        ["Input.BodyJa"] = titleJa + "の本文です。",
        ["Input.BodyEn"] = "Text of " + titleEn + ".",
        ["Input.From"] = from.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Until"] = until?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private Task<Browser> SignedInAsync(string email, string password) => _portal.SignedInBrowserAsync(email, password);

    public void Dispose() => _portal.Dispose();
}
