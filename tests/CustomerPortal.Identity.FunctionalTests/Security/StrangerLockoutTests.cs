using System.Net;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// Anyone who knows a customer's address can type five wrong passwords. That must lock out
/// browsers the account does not know, never its owner: a browser that has signed in to the
/// account before (OWASP's device cookie) keeps signing in, with its own, progressive limit; the
/// owner's sessions and apps stay signed in; the lockout is logged, audited and mailed once.
/// </summary>
public sealed class StrangerLockoutTests(StrangerLockoutTests.WatchedPortal portal) : IClassFixture<StrangerLockoutTests.WatchedPortal>
{
    private const string Password = "Owner-Pass-2026";

    /// <summary>The IdP on a fake clock, its log kept, its mail delivered to a real SMTP server on loopback.</summary>
    public sealed class WatchedPortal : PortalFactory, IAsyncLifetime
    {
        public WatchedPortal()
        {
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            Logs = FakeLogCollector.Create(new FakeLogCollectorOptions());
        }

        public SmtpServer Smtp { get; } = SmtpServer.Reserve();

        public async Task InitializeAsync()
        {
            await Smtp.StartAsync();
            foreach (var (key, value) in Smtp.Settings)
            {
                Settings[key] = value;
            }
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await Smtp.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStrangersFiveWrongPasswords_DoNotStopTheOwnersBrowser()
    {
        var email = await NewCustomerAsync();
        using var owner = await KnownBrowserAsync(email);

        using var stranger = portal.CreateBrowser();
        await GuessAsync(stranger, email, times: 5);

        // Browsers the account does not know are refused, even with the right password...
        Assert.Contains("正しくありません", (await RefusedAsync(stranger, email, Password)).Alert);
        using var unknown = portal.CreateBrowser();
        Assert.Contains("正しくありません", (await RefusedAsync(unknown, email, Password)).Alert);
        // ...the owner's is not.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(owner, email, Password)).StatusCode);
    }

    [Fact]
    public async Task AStrangersLockout_LeavesTheOwnersSessionAndAppsSignedIn()
    {
        var email = await NewCustomerAsync();
        using var owner = portal.CreateBrowser();
        var app = OAuthClient.Web(owner);
        var tokens = await app.SignInAsync((email, Password));

        using var stranger = portal.CreateBrowser();
        await GuessAsync(stranger, email, times: 5);

        var refreshed = await app.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(refreshed.AccessToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task TheOwnersBrowser_WaitsProgressivelyLongerAfterItsOwnWrongPasswords()
    {
        var email = await NewCustomerAsync();
        using var owner = await KnownBrowserAsync(email);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("正しくありません", (await RefusedAsync(owner, email, $"Wrong-{attempt}-Pass")).Alert);
        }
        Assert.Contains("1分後に再度お試しください", (await RefusedAsync(owner, email, "Wrong-5-Pass")).Alert);
        // While it waits, not even the right password is checked.
        Assert.Contains("1分後に再度お試しください", (await RefusedAsync(owner, email, Password)).Alert);

        portal.Clock!.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("2分後に再度お試しください", (await RefusedAsync(owner, email, "Wrong-6-Pass")).Alert);
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(owner, email, Password)).StatusCode);

        // Its slips never counted toward the account's lockout: another browser signs in too.
        using var laptop = portal.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(laptop, email, Password)).StatusCode);
        Assert.Empty(await portal.OutboxToAsync(email));
    }

    [Fact]
    public async Task ALockout_IsLoggedAuditedAndMailedOncePerLockout()
    {
        var email = await NewCustomerAsync();
        var user = await portal.FindUserAsync(email);
        using var stranger = portal.CreateBrowser();

        await GuessAsync(stranger, email, times: 8);

        Assert.Single(await portal.OutboxToAsync(email));
        var notice = Assert.Single(await portal.Smtp.WaitForAsync(email, 1));
        Assert.Equal("【カスタマーポータル】アカウントへのサインインが試みられました", notice.Subject);
        Assert.Contains("いつもお使いのブラウザからは、これまでどおりサインインいただけます", notice.TextBody);
        Assert.Contains("https://localhost/account/forgot-password", notice.TextBody);
        var logged = Assert.Single(portal.Logs!.GetSnapshot(), r => r.Id.Name == "AccountLockedOut" && r.Message.Contains(user.Id));
        Assert.DoesNotContain("Wrong-", logged.Message);
        Assert.DoesNotContain(portal.Logs.GetSnapshot(), r => r.Message.Contains("Wrong-"));
        Assert.Single(await AuditAsync(user.Id, AuditEventType.LockedOut));

        // When the lock has ended, the next lockout is a new one, and mailed again.
        await portal.WithUserAsync(email, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await GuessAsync(stranger, email, times: 5);
        Assert.Equal(2, (await portal.OutboxToAsync(email)).Count);
        Assert.Equal(2, (await AuditAsync(user.Id, AuditEventType.LockedOut)).Count);
    }

    [Fact]
    public async Task ABrowserKnownToAnotherAccount_IsAStrangerToThisOne()
    {
        var colleague = await NewCustomerAsync();
        var target = await NewCustomerAsync();
        using var shared = await KnownBrowserAsync(colleague);

        await GuessAsync(shared, target, times: 5);

        Assert.Contains("正しくありません", (await RefusedAsync(shared, target, Password)).Alert);
        Assert.Single(await portal.OutboxToAsync(target));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(shared, colleague, Password)).StatusCode);
    }

    [Fact]
    public async Task ALockByStaff_HoldsForTheOwnersBrowserToo()
    {
        var email = await NewCustomerAsync();
        using var owner = await KnownBrowserAsync(email);

        await portal.WithUserAsync(email, (users, user) =>
        {
            user.StaffLockedAt = DateTimeOffset.UtcNow;
            user.StaffLockedBy = "staff@example.com";
            return users.UpdateAsync(user);
        });

        Assert.Contains("正しくありません", (await RefusedAsync(owner, email, Password)).Alert);
    }

    /// <summary>A browser that signed in to the account and signed out again: it keeps only its device cookie.</summary>
    private async Task<Browser> KnownBrowserAsync(string email)
    {
        var browser = await portal.SignedInBrowserAsync(email, Password);
        var confirm = await browser.GetPageAsync(QueryHelpers.AddQueryString("/connect/logout", "client_id", TestClients.WebClientId));
        Assert.Equal("/account/signed-out", (await browser.SubmitAsync(confirm, "form[method=post]")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/settings")).StatusCode);
        return browser;
    }

    private async Task GuessAsync(Browser browser, string email, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            await RefusedAsync(browser, email, $"Wrong-{attempt}-Guess");
        }
    }

    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, string email, string password) =>
        await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, password);

    private static async Task<LoginPage> RefusedAsync(Browser browser, string email, string password) =>
        await LoginPage.FromAsync(browser, await SignInAsync(browser, email, password));

    private async Task<List<AuditEvent>> AuditAsync(string userId, AuditEventType type)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.AuditEvents.Where(e => e.UserId == userId && e.Type == type).ToListAsync();
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }
}
