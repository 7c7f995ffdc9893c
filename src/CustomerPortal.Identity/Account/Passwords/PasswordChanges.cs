using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// Reset by emailed link (the guide's way) and change with the current password. Either one ends
/// every grant of the user, changes the security stamp (so other sessions end) and sends a
/// "your password was changed" email.
/// </summary>
public sealed class PasswordChanges(
    PortalDbContext db,
    UserManager<PortalUser> users,
    ActivationLinks links,
    PasswordMails mails,
    Mail.MailCap mailCap,
    GrantRevocation grants,
    TimeProvider clock,
    IOptions<RegistrationOptions> options,
    Audit.AuditLog audit,
    Connect.Sessions.BrowserSessions sessions,
    CurrentPasswordCheck currentPasswordCheck,
    ILogger<PasswordChanges> logger)
{
    public const string LockedOutCode = "LockedOut";
    public const string ThrottledCode = "Throttled";

    /// <summary>
    /// Sends a reset link when the address belongs to an active account that has not asked too
    /// often; the caller answers the same in every case.
    /// </summary>
    public async Task SendResetLinkAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Status != AccountStatus.Active || user.IsStaffLocked)
        {
            // A staff lock is not for the account's holder to lift by mail.
            return;
        }
        // Held until the link is saved, so simultaneous requests cannot all find room under either limit.
        using var turn = await mailCap.WaitTurnAsync(PasswordMails.ResetLinkTemplate, user.Email!);
        if (!await turn.AllowsAsync(user.Id))
        {
            return;
        }
        var recent = await links.CountIssuedAsync(user.Id, LinkPurpose.ResetPassword, clock.GetUtcNow().AddHours(-1));
        if (recent >= options.Value.ResetLinksPerAccountPerHour)
        {
            logger.LogWarning("Reset link for {UserId} not sent: {Count} in the last hour", user.Id, recent);
            return;
        }
        mails.ResetLink(user, links.Issue(user, LinkPurpose.ResetPassword));
        audit.Add(Audit.AuditEventType.PasswordResetRequested, user.Id, user.Email);
        await db.SaveChangesAsync();
    }

    public async Task<LinkOutcome> ResetAsync(string? token, string password)
    {
        var (check, link) = await links.CheckAsync(token, LinkPurpose.ResetPassword);
        if (check != LinkCheck.Valid)
        {
            return new LinkOutcome(check);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(link!.UserId);
        if (user is null || user.Status != AccountStatus.Active || user.IsStaffLocked)
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        var errors = await ValidateAsync(user, password);
        if (!errors.Succeeded)
        {
            return new LinkOutcome(LinkCheck.Valid, user, errors);
        }
        if (!await links.TryConsumeAsync(link))
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        Succeeded(await users.RemovePasswordAsync(user));
        Succeeded(await users.AddPasswordAsync(user, password));
        // A reset proves control of the mailbox: a lockout from earlier guessing is lifted (never
        // a staff lock: such an account gets no usable reset link at all).
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(Audit.AuditEventType.PasswordReset, user.Id, user.Email);
        await AfterChangeAsync(user);
        await transaction.CommitAsync();
        logger.LogInformation("Password of {UserId} reset by link", user.Id);
        return new LinkOutcome(LinkCheck.Valid, user, IdentityResult.Success);
    }

    /// <summary>Changes the password; every session but <paramref name="currentSessionId"/> ends.</summary>
    public async Task<IdentityResult> ChangeAsync(PortalUser user, string currentPassword, string newPassword, string? currentSessionId)
    {
        switch (await currentPasswordCheck.CheckAsync(user, currentPassword))
        {
            case CurrentPasswordResult.Wrong: return IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch());
            case CurrentPasswordResult.LockedOut: return IdentityResult.Failed(new IdentityError { Code = LockedOutCode });
            case CurrentPasswordResult.Throttled: return IdentityResult.Failed(new IdentityError { Code = ThrottledCode });
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }
        audit.Add(Audit.AuditEventType.PasswordChanged, user.Id, user.Email);
        await AfterChangeAsync(user, currentSessionId);
        await transaction.CommitAsync();
        logger.LogInformation("Password of {UserId} changed", user.Id);
        return result;
    }

    private async Task<IdentityResult> ValidateAsync(PortalUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task AfterChangeAsync(PortalUser user, string? keepSessionId = null)
    {
        await grants.RevokeAllAsync(user.Id);
        await sessions.EndAllForUserAsync(user.Id, keepSessionId);
        mails.Changed(user);
        await db.SaveChangesAsync();
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
