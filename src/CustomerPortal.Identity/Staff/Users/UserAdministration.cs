using System.Security.Claims;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Users;

/// <summary>What staff do for a customer: find, lock, unlock, resend the activation mail, end sessions, change roles. Each is audited.</summary>
public sealed class UserAdministration(
    PortalDbContext db, UserManager<PortalUser> users, AccountLifecycle lifecycle, GrantRevocation grants,
    Connect.Sessions.BrowserSessions sessions, AuditLog audit, TimeProvider clock,
    Observability.PortalMetrics metrics)
{
    /// <summary>By email, company name or serial number (registered or listed among the machines).</summary>
    public async Task<List<PortalUser>> SearchAsync(string? query)
    {
        var text = InputText.Normalize(query);
        if (text.Length == 0)
        {
            return [];
        }
        var lower = text.ToLowerInvariant();
        var serial = Machines.SerialNumber.Normalize(text);
        var byMachine = db.UserMachines.Where(m => m.Serial == serial).Select(m => m.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.Email!.Contains(lower) || u.CompanyName.Contains(text) || u.RegisteredSerial == serial || byMachine.Contains(u.Id))
            .OrderBy(u => u.CompanyName).ThenBy(u => u.Email)
            .Take(100)
            .ToListAsync();
    }

    /// <summary>
    /// Whether <paramref name="staff"/> may act on <paramref name="user"/>: only admins act on
    /// accounts that hold staff or admin, so one member of staff cannot lock out, unlock or end
    /// the sessions of another, or of an admin.
    /// </summary>
    public async Task<bool> MayActOnAsync(ClaimsPrincipal staff, PortalUser user)
    {
        if (staff.IsInRole(PortalRoles.Admin))
        {
            return true;
        }
        var roles = await users.GetRolesAsync(user);
        return !roles.Contains(PortalRoles.Staff) && !roles.Contains(PortalRoles.Admin);
    }

    public Task RecordRefusalAsync(PortalUser user, string action) =>
        audit.WriteAsync(AuditEventType.StaffActionRefused, user.Id, user.Email, action);

    /// <summary>
    /// A lock by staff, recorded apart from the lockout after failed sign-ins: a reset or
    /// activation link never lifts it (the holder of the mailbox is often why the account is
    /// locked), only <see cref="UnlockAsync"/> does.
    /// </summary>
    public async Task LockAsync(PortalUser user, string lockedBy)
    {
        user.StaffLockedAt = clock.GetUtcNow();
        user.StaffLockedBy = lockedBy;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await EndSessionsQuietlyAsync(user);
        await audit.WriteAsync(AuditEventType.AccountLocked, user.Id, user.Email);
        metrics.LockedOut(Observability.PortalMetrics.LockoutCause.Staff);
    }

    public async Task UnlockAsync(PortalUser user)
    {
        user.StaffLockedAt = null;
        user.StaffLockedBy = null;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditEventType.AccountUnlocked, user.Id, user.Email);
    }

    /// <summary>Sends the mail of the step the account is waiting for again; false when it waits for none.</summary>
    public async Task<bool> ResendActivationAsync(PortalUser user)
    {
        if (await lifecycle.ResendPendingStepAsync(user.Email!) is not { } purpose)
        {
            return false;
        }
        await audit.WriteAsync(AuditEventType.ActivationMailResent, user.Id, user.Email, purpose.ToString());
        return true;
    }

    public async Task EndSessionsAsync(PortalUser user)
    {
        await EndSessionsQuietlyAsync(user);
        await audit.WriteAsync(AuditEventType.SessionsEnded, user.Id, user.Email);
    }

    public async Task SetRolesAsync(PortalUser user, IReadOnlyCollection<string> roles, bool mayGrantStaffRoles)
    {
        var allowed = mayGrantStaffRoles ? [.. PortalRoles.Customer, PortalRoles.Staff, PortalRoles.Admin] : PortalRoles.Customer;
        var current = await users.GetRolesAsync(user);
        var wanted = roles.Where(allowed.Contains).ToHashSet();
        // Staff cannot take staff roles away either; only admins manage staff.
        var removable = current.Where(allowed.Contains).Where(r => !wanted.Contains(r)).ToList();
        var added = wanted.Except(current).ToList();
        if (removable.Count == 0 && added.Count == 0)
        {
            return;
        }
        await users.RemoveFromRolesAsync(user, removable);
        await users.AddToRolesAsync(user, added);
        // New roles reach the apps at their next token; the stamp change makes that now.
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditEventType.RolesChanged, user.Id, user.Email,
            $"+[{string.Join(", ", added)}] -[{string.Join(", ", removable)}]");
    }

    private async Task EndSessionsQuietlyAsync(PortalUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await grants.RevokeAllAsync(user.Id);
        await sessions.EndAllForUserAsync(user.Id);
    }

    public bool IsLockedOut(PortalUser user) => user.IsStaffLocked || (user.LockoutEnd is { } end && end > clock.GetUtcNow());
}
