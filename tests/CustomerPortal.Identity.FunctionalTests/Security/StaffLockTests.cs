using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// A staff lock holds: the locked user (or whoever holds their mailbox, the usual reason for a
/// lock) cannot lift it with "Forgot your password?" or a reset link mailed before the lock.
/// </summary>
public sealed class StaffLockTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    private const string Password = "Locked-Pass-2026";
    private const string NewPassword = "Unlock-Try-2026";

    [Fact]
    public async Task LockedUser_CannotUnlockThemselvesByResettingThePassword()
    {
        var email = $"locked-{Guid.NewGuid():n}@example.com";
        var user = await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var holder = portal.CreateBrowser();
        // The mailbox holder asks for a reset link before staff lock the account.
        await holder.RequestResetLinkAsync(email);
        var earlierLink = MailLinks.Find((await portal.Smtp.WaitForAsync(email, 1))[0], "/account/reset-password");

        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var detail = await staff.GetPageAsync($"/staff/users/{user.Id}");
        await staff.FollowAsync(await staff.SubmitAsync(detail, "form.lock"));

        // After the lock, the answer reads as for anyone, and no link is queued.
        var unknownAnswer = await holder.RequestResetLinkAsync($"nobody-{Guid.NewGuid():n}@example.com");
        Assert.Equal(unknownAnswer, await holder.RequestResetLinkAsync(email));
        Assert.Single(await portal.OutboxForAsync(user.Id), m => m.Template == "password-reset");

        // The link mailed before the lock no longer works, even posted directly.
        var resetPage = await holder.GetAsync(earlierLink);
        Assert.Equal(HttpStatusCode.Redirect, resetPage.StatusCode);
        Assert.StartsWith("/account/link", resetPage.Headers.Location!.OriginalString);

        // The account stays locked: neither password signs in.
        foreach (var password in new[] { Password, NewPassword })
        {
            using var again = portal.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await (await LoginPage.OpenAsync(again)).SubmitAsync(email, password)).StatusCode);
        }
        var stored = await portal.StoredUserAsync(user.Id);
        Assert.NotNull(stored.StaffLockedAt);
        Assert.Equal(Accounts.Staff.Email, stored.StaffLockedBy);

        // Only staff unlock it, and the audit log says who.
        await staff.FollowAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/staff/users/{user.Id}"), "form.unlock"));
        using (var again = portal.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (await LoginPage.OpenAsync(again)).SubmitAsync(email, Password)).StatusCode);
        }
        var audit = await staff.GetPageAsync("/staff/audit?email=" + Uri.EscapeDataString(email));
        Assert.Contains(Accounts.Staff.Email, audit.QuerySelector("tr[data-type=AccountUnlocked]")!.TextContent);
    }

    [Fact]
    public async Task LockedUser_ForgotPasswordAndTheLinkPage_SendNothing()
    {
        var email = $"locked-quiet-{Guid.NewGuid():n}@example.com";
        var user = await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        await staff.FollowAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/staff/users/{user.Id}"), "form.lock"));
        using var holder = portal.CreateBrowser();

        await holder.RequestResetLinkAsync(email);
        var linkPage = await holder.GetPageAsync("/account/link?purpose=reset-password&reason=expired");
        await holder.SubmitAsync(linkPage, "form[method=post]", new Dictionary<string, string> { ["Email"] = email });

        Assert.DoesNotContain(await portal.OutboxForAsync(user.Id), m => m.Template is "password-reset" or "verify-email" or "set-password");
    }
}
