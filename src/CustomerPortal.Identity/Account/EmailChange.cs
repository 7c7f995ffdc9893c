using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account;

public enum EmailChangeRequest { Sent, WrongPassword, LockedOut, Throttled, InvalidAddress, SameAddress }

/// <summary>
/// Changing the sign-in address: it needs the current password, a link to the new address proves
/// it, and the old address is told. Nothing changes until the link is used, and a link can only
/// make the address it was sent to the sign-in address, while nothing has changed the account's
/// security since (see <see cref="ActivationLinks.IssueEmailChange"/>).
/// </summary>
public sealed class EmailChange(
    PortalDbContext db, UserManager<PortalUser> users, ActivationLinks links, EmailChangeMails mails, Mail.MailCap mailCap,
    CurrentPasswordCheck currentPassword, Audit.AuditLog audit, ILogger<EmailChange> logger)
{
    public async Task<EmailChangeRequest> RequestAsync(PortalUser user, string newEmail, string? password)
    {
        if (!FieldRules.IsEmail(newEmail))
        {
            return EmailChangeRequest.InvalidAddress;
        }
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeRequest.SameAddress;
        }
        switch (await currentPassword.CheckAsync(user, password))
        {
            case CurrentPasswordResult.Wrong: return EmailChangeRequest.WrongPassword;
            case CurrentPasswordResult.LockedOut: return EmailChangeRequest.LockedOut;
            case CurrentPasswordResult.Throttled: return EmailChangeRequest.Throttled;
        }
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            // Taken by another account: the same answer, and no mail, so addresses cannot be probed.
            return EmailChangeRequest.Sent;
        }
        using var turn = await mailCap.WaitTurnAsync(EmailChangeMails.VerifyNewAddressTemplate, newEmail);
        if (!await turn.AllowsAsync(user.Id))
        {
            // The same answer again: whoever types someone else's address cannot make them a mailbox full of links.
            return EmailChangeRequest.Sent;
        }

        // Only the newest request counts: links sent for earlier ones stop working.
        await links.WithdrawAsync(user.Id, LinkPurpose.ChangeEmail);
        user.PendingEmail = newEmail;
        var token = links.IssueEmailChange(user, newEmail);
        mails.VerifyNewAddress(user, newEmail, token);
        mails.Notice(user, newEmail);
        await users.UpdateAsync(user);
        return EmailChangeRequest.Sent;
    }

    /// <summary>Signing out every other browser also withdraws a pending change: whoever asked for it may be one of them.</summary>
    public async Task CancelPendingAsync(PortalUser user)
    {
        await links.WithdrawAsync(user.Id, LinkPurpose.ChangeEmail);
        if (user.PendingEmail is not null)
        {
            user.PendingEmail = null;
            await users.UpdateAsync(user);
        }
    }

    public async Task<LinkOutcome> ConfirmAsync(string? token)
    {
        var (check, link) = await links.CheckAsync(token, LinkPurpose.ChangeEmail);
        if (check != LinkCheck.Valid)
        {
            return new LinkOutcome(check);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(link!.UserId);
        if (user is null || link.TargetEmail is not { } newEmail || link.SecurityStamp is null
            || link.SecurityStamp != await users.GetSecurityStampAsync(user)
            || await users.FindByEmailAsync(newEmail) is not null || !await links.TryConsumeAsync(link))
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        user.PendingEmail = null;
        // Both change the security stamp: sessions elsewhere end, as after a password change.
        var result = await users.SetEmailAsync(user, newEmail);
        if (result.Succeeded)
        {
            result = await users.SetUserNameAsync(user, newEmail);
        }
        if (!result.Succeeded)
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        user.EmailConfirmed = true;
        audit.Add(Audit.AuditEventType.EmailChanged, user.Id, newEmail);
        await users.UpdateAsync(user);
        await transaction.CommitAsync();
        logger.LogInformation("Email of {UserId} changed", user.Id);
        return new LinkOutcome(LinkCheck.Valid, user);
    }
}
