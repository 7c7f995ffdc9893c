using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// Wrong second-factor codes count as wrong passwords do (<see cref="PasswordSignIn"/>): for the
/// browser alone when the account knows it, which then waits progressively longer; otherwise
/// toward the account's lockout, which such browsers cannot pass. The page's posts are also
/// limited per client address like the sign-in form's.
/// </summary>
public sealed class SecondFactorAttempts(UserManager<PortalUser> users, KnownBrowsers browsers, Lockouts lockouts, AuditLog audit, PortalMetrics metrics)
{
    public async Task<PasswordCheck> CheckAsync(PortalUser user, string what, Func<Task<bool>> verify)
    {
        var browser = await browsers.RecogniseAsync(user);
        if (browser is not null && browsers.WaitLeft(browser) is var left && left > TimeSpan.Zero)
        {
            return await RefusedAsync(user, $"{what}: known browser still waiting", new(PasswordVerdict.BrowserWaits, left));
        }
        if (browser is null && await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync(user, $"{what}: locked out", new(PasswordVerdict.Refused));
        }
        if (await verify())
        {
            if (browser is null)
            {
                await users.ResetAccessFailedCountAsync(user);
            }
            return new(PasswordVerdict.Correct);
        }
        if (browser is not null)
        {
            var wait = await browsers.RecordFailureAsync(browser);
            if (wait > TimeSpan.Zero)
            {
                metrics.SignIn(succeeded: false);
                await lockouts.BrowserWaitsAsync(user, browser, wait);
                return new(PasswordVerdict.BrowserWaits, wait);
            }
            return await RefusedAsync(user, what, new(PasswordVerdict.Refused));
        }
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            metrics.SignIn(succeeded: false);
            await lockouts.AccountLockedAsync(user, PortalMetrics.LockoutCause.SecondFactor);
            return new(PasswordVerdict.Refused);
        }
        return await RefusedAsync(user, what, new(PasswordVerdict.Refused));
    }

    private async Task<PasswordCheck> RefusedAsync(PortalUser user, string details, PasswordCheck verdict)
    {
        metrics.SignIn(succeeded: false);
        await audit.WriteAsync(AuditEventType.SignInFailed, user.Id, user.Email, details);
        return verdict;
    }
}
