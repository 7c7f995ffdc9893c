using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Registration;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Activation;

public sealed record LinkOutcome(LinkCheck Check, PortalUser? User = null, IdentityResult? PasswordResult = null);

/// <summary>
/// Every step of the account's lifecycle after registration (Approved → EmailVerified → Active →
/// first sign-in), each in one transaction with the email it causes, so a step is never half done
/// and never mails twice.
/// </summary>
public sealed class AccountLifecycle(
    PortalDbContext db,
    UserManager<PortalUser> users,
    ActivationLinks links,
    ActivationMails mails,
    Mail.MailCap mailCap,
    DeviceRegistry devices,
    Companies.CompanyDirectory companies,
    TimeProvider clock,
    IOptions<RegistrationOptions> options,
    Audit.AuditLog audit,
    Observability.PortalMetrics metrics,
    ILogger<AccountLifecycle> logger)
{
    /// <summary>Staff approval: grants roles (which may differ from those requested), binds the serial, sends the verification link.</summary>
    public async Task<bool> ApproveAsync(string userId, IReadOnlyCollection<string> grantedRoles, Companies.CompanyChoice company, string reviewer)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Status != AccountStatus.PendingReview)
        {
            return false;
        }
        await ApproveInTransactionAsync(user, grantedRoles, company, reviewer);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        metrics.Registration("approved");
        logger.LogInformation("Registration {UserId} approved by {Reviewer}", user.Id, reviewer);
        return true;
    }

    public async Task<bool> RejectAsync(string userId, string reason, string reviewer)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Status != AccountStatus.PendingReview)
        {
            return false;
        }
        user.Status = AccountStatus.Rejected;
        user.RejectionReason = reason;
        user.ReviewedAt = clock.GetUtcNow();
        user.ReviewedBy = reviewer;
        Succeeded(await users.UpdateAsync(user));
        mails.Rejected(user, reason);
        audit.Add(Audit.AuditEventType.Rejected, user.Id, user.Email, reviewer);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        metrics.Registration("rejected");
        logger.LogInformation("Registration {UserId} rejected by {Reviewer}", user.Id, reviewer);
        return true;
    }

    /// <summary>Step 1/3 link opened and confirmed: the address is verified and the password link goes out.</summary>
    public async Task<LinkOutcome> VerifyEmailAsync(string? token)
    {
        var (check, link) = await links.CheckAsync(token, LinkPurpose.VerifyEmail);
        if (check != LinkCheck.Valid)
        {
            return new LinkOutcome(check);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(link!.UserId);
        if (user is null || user.Status != AccountStatus.Approved || !await links.TryConsumeAsync(link))
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        user.EmailConfirmed = true;
        user.EmailVerifiedAt = clock.GetUtcNow();
        user.Status = AccountStatus.EmailVerified;
        Succeeded(await users.UpdateAsync(user));
        SendSetPasswordLink(user);
        audit.Add(Audit.AuditEventType.EmailVerified, user.Id, user.Email);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Email of {UserId} verified", user.Id);
        return new LinkOutcome(LinkCheck.Valid, user);
    }

    /// <summary>Step 2/3: the password under the policy; the account becomes Active.</summary>
    public async Task<LinkOutcome> SetPasswordAsync(string? token, string password)
    {
        var (check, link) = await links.CheckAsync(token, LinkPurpose.SetPassword);
        if (check != LinkCheck.Valid)
        {
            return new LinkOutcome(check);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(link!.UserId);
        if (user is null || user.Status != AccountStatus.EmailVerified || await users.HasPasswordAsync(user))
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            // Rolled back with the transaction; the link stays valid for another try.
            return new LinkOutcome(LinkCheck.Valid, user, result);
        }
        if (!await links.TryConsumeAsync(link))
        {
            return new LinkOutcome(LinkCheck.Used);
        }
        user.Status = AccountStatus.Active;
        user.ActivatedAt = clock.GetUtcNow();
        audit.Add(Audit.AuditEventType.Activated, user.Id, user.Email);
        Succeeded(await users.UpdateAsync(user));
        await transaction.CommitAsync();
        metrics.Registration("activated");
        logger.LogInformation("Account {UserId} activated", user.Id);
        return new LinkOutcome(LinkCheck.Valid, user, result);
    }

    /// <summary>Step 3/3: the first successful sign-in sends the completion email, once.</summary>
    public async Task RecordSignInAsync(PortalUser user)
    {
        if (user.FirstSignInAt is not null)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var updated = await db.Users
            .Where(u => u.Id == user.Id && u.FirstSignInAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.FirstSignInAt, clock.GetUtcNow()));
        if (updated == 1)
        {
            mails.ActivationComplete(user);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>The activation step an account is waiting for, if any: verify the address, or set a password.</summary>
    public static LinkPurpose? PendingStep(PortalUser user) => user.Status switch
    {
        AccountStatus.Approved => LinkPurpose.VerifyEmail,
        AccountStatus.EmailVerified => LinkPurpose.SetPassword,
        _ => null,
    };

    /// <summary>
    /// A fresh link for the step the account is waiting for, whichever link the customer lost or
    /// let expire (someone whose verify link was used but who never got the password mail gets
    /// the password mail). Nothing is sent for an unknown address, an account waiting for no
    /// step, or one that already had several links this hour; the caller answers the same in
    /// every case.
    /// </summary>
    public async Task<LinkPurpose?> ResendPendingStepAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsStaffLocked || PendingStep(user) is not { } purpose)
        {
            return null;
        }
        // Held until the link is committed, so simultaneous requests cannot all find room under either limit.
        using var turn = await mailCap.WaitTurnAsync(
            purpose == LinkPurpose.VerifyEmail ? ActivationMails.VerifyEmailTemplate : ActivationMails.SetPasswordTemplate, user.Email!);
        if (!await turn.AllowsAsync(user.Id)
            || await links.CountIssuedAsync(user.Id, purpose, clock.GetUtcNow().AddHours(-1)) >= options.Value.ResetLinksPerAccountPerHour)
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (purpose == LinkPurpose.VerifyEmail)
        {
            SendVerifyEmailLink(user);
        }
        else
        {
            SendSetPasswordLink(user);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return purpose;
    }

    /// <summary>Approves inside the caller's transaction (also for a registration approved at once, without review).</summary>
    internal async Task ApproveInTransactionAsync(PortalUser user, IReadOnlyCollection<string> grantedRoles, Companies.CompanyChoice choice, string reviewer)
    {
        user.Status = AccountStatus.Approved;
        user.ReviewedAt = clock.GetUtcNow();
        user.ReviewedBy = reviewer;
        // The company staff chose: an existing one by its code, a new one (by a code staff typed, or a generated one).
        var company = choice.New ? await companies.CreateFromAsync(user)
            : await companies.FindByCodeAsync(choice.Code) ?? await companies.CreateFromAsync(user, choice.Code);
        await db.SaveChangesAsync(); // a new company gets its id
        user.CompanyId = company.Id;
        Succeeded(await users.AddToRolesAsync(user, grantedRoles.Where(PortalRoles.Customer.Contains).Distinct()));
        if (!string.IsNullOrEmpty(user.RegisteredSerial))
        {
            await devices.BindIfUnboundAsync(user.RegisteredSerial, company);
            if (!await db.UserMachines.AnyAsync(m => m.UserId == user.Id && m.Serial == user.RegisteredSerial))
            {
                db.UserMachines.Add(new UserMachine { UserId = user.Id, Serial = user.RegisteredSerial, AddedAt = clock.GetUtcNow() });
            }
        }
        Succeeded(await users.UpdateAsync(user));
        SendVerifyEmailLink(user);
        audit.Add(Audit.AuditEventType.Approved, user.Id, user.Email,
            $"{reviewer}: {string.Join(", ", grantedRoles)}; company {company.Code}{(choice.OverSerial ? ", chosen over the serial's company" : "")}");
    }

    private void SendVerifyEmailLink(PortalUser user) => mails.VerifyEmail(user, links.Issue(user, LinkPurpose.VerifyEmail));

    private void SendSetPasswordLink(PortalUser user) => mails.SetPassword(user, links.Issue(user, LinkPurpose.SetPassword));

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
