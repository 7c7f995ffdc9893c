using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Registration;

public enum RegistrationOutcome { Accepted, SerialThrottled }

/// <summary>
/// A registration arrives (新規登録): a new account waits for review with the first of the
/// guide's four mails, in one transaction; an address already registered gets the same answer
/// on the page, and its owner a notice of their own. What follows is <see cref="AccountLifecycle"/>.
/// </summary>
public sealed class Registrations(
    PortalDbContext db,
    UserManager<PortalUser> users,
    AccountLifecycle lifecycle,
    RegistrationMails mails,
    Mail.MailCap mailCap,
    DeviceRegistry devices,
    TimeProvider clock,
    IOptions<RegistrationOptions> options,
    Account.Preferences.ContactPreferences preferences,
    Audit.AuditLog audit,
    Observability.PortalMetrics metrics,
    ILogger<Registrations> logger)
{
    public async Task<RegistrationOutcome> RegisterAsync(RegistrationForm form)
    {
        var now = clock.GetUtcNow();
        if (!string.IsNullOrEmpty(form.Serial)
            && await db.Users.CountAsync(u => u.RegisteredSerial == form.Serial && u.CreatedAt > now.AddDays(-1)) >= options.Value.PerSerialPerDay)
        {
            return RegistrationOutcome.SerialThrottled;
        }

        // Taken before the transaction (SQLite's begins with the write lock) and held until it commits.
        using var noticeTurn = await mailCap.WaitTurnAsync(RegistrationMails.AlreadyRegisteredTemplate, form.Email!);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(form.Email!) is { } existing)
        {
            // Same page for the registrant; the owner of the address learns that someone tried, a few times an hour at most.
            var notify = await noticeTurn.AllowsAsync(existing.Id);
            if (notify)
            {
                mails.AlreadyRegistered(existing);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            logger.LogInformation("Registration for an address already registered; notice {Outcome}", notify ? "queued" : "capped");
            return RegistrationOutcome.Accepted;
        }

        var user = NewUser(form, now);
        user.SerialCheck = await devices.CheckAsync(form.Serial, user.CompanyName);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        // The consent given (or not) at registration is the first entry of the preference record.
        preferences.Set(user, form.ProductNewsByEmail, form.ProductNewsByPhone,
            Account.Preferences.ContactPreferences.RegistrationChannel, recordUnchanged: true);
        mails.Received(user);
        audit.Add(Audit.AuditEventType.Registered, user.Id, user.Email, $"serial check: {user.SerialCheck}");
        if (!options.Value.RequireApproval)
        {
            await lifecycle.ApproveInTransactionAsync(user, [.. form.Roles], Companies.CompanyChoice.OwnCompany, reviewer: "automatic");
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        metrics.Registration("received");
        logger.LogInformation("Registration {UserId} received ({SerialCheck})", user.Id, user.SerialCheck);
        return RegistrationOutcome.Accepted;
    }

    private static PortalUser NewUser(RegistrationForm form, DateTimeOffset now) => new()
    {
        UserName = form.Email,
        Email = form.Email,
        CompanyName = form.CompanyName!,
        Department = form.Department ?? "",
        FamilyName = form.FamilyName!,
        GivenName = form.GivenName!,
        FamilyNameKana = NullIfEmpty(form.FamilyNameKana),
        GivenNameKana = NullIfEmpty(form.GivenNameKana),
        PhoneNumber = form.Phone,
        Address = new PostalAddress
        {
            PostalCode = form.PostalCode!,
            Prefecture = form.Prefecture!,
            City = form.City!,
            Street = form.Street!,
            Building = NullIfEmpty(form.Building),
        },
        RegisteredSerial = NullIfEmpty(form.Serial),
        Locale = form.Language!,
        ProductNewsByEmail = form.ProductNewsByEmail,
        ProductNewsByPhone = form.ProductNewsByPhone,
        TermsAcceptedAt = now,
        CreatedAt = now,
        Status = AccountStatus.PendingReview,
        RequestedRoles = [.. form.Roles.Select(role => new RequestedRole { Role = role })],
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
