using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// One member of staff cannot lock out, unlock, end the sessions of or resend mail to another
/// member of staff or an admin: only admins act on such accounts.
/// </summary>
public sealed class StaffOnStaffTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Colleague-2026";

    [Theory]
    [InlineData("Lock", "staff")]
    [InlineData("EndSessions", "staff")]
    [InlineData("Resend", "staff")]
    [InlineData("Roles", "staff")]
    [InlineData("Lock", "admin")]
    [InlineData("Unlock", "admin")]
    public async Task Staff_ActingOnAStaffOrAdminAccount_Gets403_ChangesNothing_AndIsAudited(string handler, string targetRole)
    {
        var target = await NewColleagueAsync(targetRole);
        using var colleagueSession = await portal.SignedInBrowserAsync(target.Email!, Password);
        if (handler == "Unlock")
        {
            // Locked out after failed sign-ins, so that an unlock would change something.
            await portal.WithUserAsync(target.Email!, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddMinutes(10)));
        }
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var detail = await staff.GetPageAsync($"/staff/users/{target.Id}");
        // The page offers no such buttons to staff; the attempt is a post made by hand.
        Assert.Null(detail.QuerySelector("form.lock, form.unlock, form.end-sessions, form.resend, form.roles"));
        Assert.NotNull(detail.QuerySelector(".admin-only"));
        var antiforgery = detail.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var before = await portal.StoredUserAsync(target.Id);

        var response = await staff.Http.PostAsync($"/staff/users/{target.Id}?handler={handler}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", antiforgery), new("roles", "supplies-buyer")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await portal.StoredUserAsync(target.Id);
        Assert.Equal(before.LockoutEnd, after.LockoutEnd);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(before.StaffLockedAt, after.StaffLockedAt);
        Assert.Equal(HttpStatusCode.OK, (await colleagueSession.GetAsync("/account/settings")).StatusCode);
        Assert.Contains(await AuditAsync(target.Id), e => e.Type == AuditEventType.StaffActionRefused && e.Actor == Accounts.Staff.Email);
    }

    [Fact]
    public async Task Admin_MayLockAndUnlockStaff()
    {
        var target = await NewColleagueAsync("staff");
        using var admin = await portal.SignedInBrowserAsync(Accounts.Admin.Email, Accounts.Admin.Password);

        var locked = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetPageAsync($"/staff/users/{target.Id}"), "form.lock"));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.NotNull((await portal.StoredUserAsync(target.Id)).StaffLockedAt);
        await admin.FollowAsync(await admin.SubmitAsync(await admin.ParseAsync(locked), "form.unlock"));
        Assert.Null((await portal.StoredUserAsync(target.Id)).StaffLockedAt);
    }

    private Task<PortalUser> NewColleagueAsync(string role) =>
        portal.CreateActiveUserAsync($"colleague-{Guid.NewGuid():n}@example.com", Password, role == "admin" ? ["staff", "admin"] : ["staff"]);

    private async Task<List<AuditEvent>> AuditAsync(string userId)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.AsNoTracking().Where(e => e.UserId == userId).ToListAsync();
    }
}
