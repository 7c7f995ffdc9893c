using System.Threading.RateLimiting;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account;

public enum CurrentPasswordResult { Correct, Wrong, LockedOut, Throttled }

/// <summary>
/// The current password asked again by the email change and the password change. Someone holding
/// a stolen session must not be able to guess it without end: each wrong answer counts toward the
/// account's lockout like a failed sign-in, and the attempts per client address are limited as
/// sign-in posts are (Throttling:SignInAttemptsPerMinute).
/// </summary>
public sealed class CurrentPasswordCheck(SignInManager<PortalUser> signIn, CurrentPasswordThrottle throttle, IHttpContextAccessor http, AuditLog audit,
    SignIn.Lockouts lockouts)
{
    /// <summary>The field's message for a password that was not accepted, or null when it was.</summary>
    public async Task<string?> ErrorKeyOfAsync(PortalUser user, string? password) => await CheckAsync(user, password) switch
    {
        CurrentPasswordResult.Correct => null,
        CurrentPasswordResult.LockedOut => "settings.error.currentPasswordLocked",
        CurrentPasswordResult.Throttled => "error.throttled",
        _ => "settings.error.currentPassword",
    };

    public async Task<CurrentPasswordResult> CheckAsync(PortalUser user, string? password)
    {
        if (!throttle.TryAcquire(http.HttpContext?.Connection.RemoteIpAddress?.ToString()))
        {
            return CurrentPasswordResult.Throttled;
        }
        if (string.IsNullOrEmpty(password))
        {
            return CurrentPasswordResult.Wrong;
        }
        var lockedBefore = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return CurrentPasswordResult.Correct;
        }
        if (result.IsLockedOut && !lockedBefore)
        {
            await lockouts.AccountLockedAsync(user, Observability.PortalMetrics.LockoutCause.CurrentPassword);
        }
        else
        {
            await audit.WriteAsync(AuditEventType.SignInFailed, user.Id, user.Email, "current password");
        }
        return result.IsLockedOut ? CurrentPasswordResult.LockedOut : CurrentPasswordResult.Wrong;
    }
}

/// <summary>A fixed window of current-password checks per client address, shared by every request of this process.</summary>
public sealed class CurrentPasswordThrottle(IConfiguration configuration)
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Throttling:SignInAttemptsPerMinute", 20),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string? clientAddress)
    {
        using var lease = _limiter.AttemptAcquire(clientAddress ?? "unknown");
        return lease.IsAcquired;
    }
}
