using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// What follows a lockout, whatever caused it: an event in the log (never the password), a line
/// in the audit, the lockout counter, and for the account's lockout one mail to its owner.
/// Each method is called once, when the lock begins, so there is one mail per lockout.
/// </summary>
public sealed class Lockouts(
    AuditLog audit, PortalMetrics metrics, MailOutbox outbox, LinkAddress addresses, IOptions<IdentityOptions> identity,
    IHttpContextAccessor http, ILogger<Lockouts> logger)
{
    public const string NoticeTemplate = "sign-in-attempts";

    private static readonly EventId AccountLockedEvent = new(4001, "AccountLockedOut");
    private static readonly EventId BrowserWaitsEvent = new(4002, "KnownBrowserWaits");

    /// <summary>
    /// Too many wrong passwords from browsers the account does not know (<paramref name="cause"/>,
    /// one of <see cref="PortalMetrics.LockoutCause"/>): such browsers are refused until the lock
    /// ends; the account's own browsers are not.
    /// </summary>
    public async Task AccountLockedAsync(PortalUser user, string cause)
    {
        var lockout = identity.Value.Lockout;
        logger.LogWarning(AccountLockedEvent,
            "Account {UserId} locked out for unknown browsers after {Failures} wrong passwords ({Cause}), until {LockoutEnd:O}; "
            + "last attempt from {ClientAddress}",
            user.Id, lockout.MaxFailedAccessAttempts, cause, user.LockoutEnd, ClientAddress());
        metrics.LockedOut(cause);
        outbox.Enqueue(NoticeTemplate, user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            // Wrong codes after a right password say more than wrong passwords: the mail tells them apart.
            ["codes"] = cause == PortalMetrics.LockoutCause.SecondFactor,
            ["failures"] = lockout.MaxFailedAccessAttempts,
            ["minutes"] = (int)Math.Ceiling(lockout.DefaultLockoutTimeSpan.TotalMinutes),
            ["reset_url"] = addresses.For("account/forgot-password", user.Locale),
        });
        // Saved with the mail: the audit line and the notice are kept together.
        await audit.WriteAsync(AuditEventType.LockedOut, user.Id, user.Email,
            $"{cause}: browsers that have not signed in to the account are refused for {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes");
    }

    /// <summary>A browser the account knows typed too many wrong passwords: it alone waits, progressively longer.</summary>
    public async Task BrowserWaitsAsync(PortalUser user, KnownBrowser browser, TimeSpan wait)
    {
        logger.LogWarning(BrowserWaitsEvent,
            "Known browser of account {UserId} waits {WaitSeconds} s after {Failures} wrong passwords in a row; from {ClientAddress}",
            user.Id, (int)wait.TotalSeconds, browser.FailedAttempts, ClientAddress());
        metrics.LockedOut(PortalMetrics.LockoutCause.KnownBrowser);
        await audit.WriteAsync(AuditEventType.LockedOut, user.Id, user.Email,
            $"{PortalMetrics.LockoutCause.KnownBrowser}: this browser waits {(int)wait.TotalSeconds} s after {browser.FailedAttempts} wrong passwords");
    }

    private string? ClientAddress() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
