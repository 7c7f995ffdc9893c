using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SignIn;

public enum PasswordVerdict { Correct, Refused, BrowserWaits }

/// <param name="Wait">For <see cref="PasswordVerdict.BrowserWaits"/>: how long until this browser may try again.</param>
public readonly record struct PasswordCheck(PasswordVerdict Verdict, TimeSpan Wait = default);

/// <summary>
/// The password check of the sign-in form, after OWASP's device cookies ("Slow Down Online
/// Guessing Attacks with Device Cookies"). From a browser the account does not know, wrong
/// passwords count toward Identity's lockout of the account, which such browsers cannot pass
/// until it ends. From a browser that has signed in to the account before
/// (<see cref="KnownBrowsers"/>), they count for that browser alone, which waits progressively
/// longer; the account's lockout does not stop it. So five posts by a stranger who knows the
/// address no longer shut the owner out.
/// </summary>
/// <remarks>
/// Failures are audited here. Every refusal of a browser the account does not know costs one
/// password hash, whether the address is unknown, the account locked or the password wrong, so
/// the answer time does not tell which.
/// </remarks>
public sealed class PasswordSignIn(
    SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, KnownBrowsers browsers, Lockouts lockouts, AuditLog audit,
    PortalMetrics metrics)
{
    // Hashed once per process: verifying against it costs what a real check costs.
    private static string? _decoyHash;

    public async Task<PasswordCheck> CheckAsync(PortalUser? user, string email, string password)
    {
        if (user is null)
        {
            SpendOneHash(password);
            return await RefusedAsync(null, email, "unknown address");
        }
        return await browsers.RecogniseAsync(user) is { } browser
            ? await CheckFromKnownBrowserAsync(user, browser, password)
            : await CheckFromUnknownBrowserAsync(user, password);
    }

    private async Task<PasswordCheck> CheckFromUnknownBrowserAsync(PortalUser user, string password)
    {
        var users = signIn.UserManager;
        var lockedBefore = user.IsStaffLocked || await users.IsLockedOutAsync(user);
        if (lockedBefore || user.PasswordHash is null)
        {
            // Identity answers these without hashing.
            SpendOneHash(password);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.Succeeded && !user.IsStaffLocked)
        {
            return new(PasswordVerdict.Correct);
        }
        if (!lockedBefore && (check.IsLockedOut || await users.IsLockedOutAsync(user)))
        {
            metrics.SignIn(succeeded: false);
            await lockouts.AccountLockedAsync(user, PortalMetrics.LockoutCause.FailedSignIns);
            return new(PasswordVerdict.Refused);
        }
        // Locked out, wrong password and unknown address read the same.
        return await RefusedAsync(user.Id, user.Email, lockedBefore ? "locked out" : null);
    }

    private async Task<PasswordCheck> CheckFromKnownBrowserAsync(PortalUser user, KnownBrowser browser, string password)
    {
        if (browsers.WaitLeft(browser) is { } left && left > TimeSpan.Zero)
        {
            // Nothing is checked while the browser waits, not even the right password.
            await RefusedAsync(user.Id, user.Email, "known browser still waiting");
            return new(PasswordVerdict.BrowserWaits, left);
        }
        // A lock by staff holds for every browser; Identity's lockout (after strangers' guesses) does not.
        if (user.IsStaffLocked || user.PasswordHash is null || !await signIn.CanSignInAsync(user))
        {
            SpendOneHash(password);
            return await RefusedAsync(user.Id, user.Email, "known browser");
        }
        if (await signIn.UserManager.CheckPasswordAsync(user, password))
        {
            return new(PasswordVerdict.Correct);
        }
        var wait = await browsers.RecordFailureAsync(browser);
        if (wait == TimeSpan.Zero)
        {
            return await RefusedAsync(user.Id, user.Email, "known browser");
        }
        metrics.SignIn(succeeded: false);
        await lockouts.BrowserWaitsAsync(user, browser, wait);
        return new(PasswordVerdict.BrowserWaits, wait);
    }

    private async Task<PasswordCheck> RefusedAsync(string? userId, string? email, string? details)
    {
        metrics.SignIn(succeeded: false);
        await audit.WriteAsync(AuditEventType.SignInFailed, userId, email, details);
        return new(PasswordVerdict.Refused);
    }

    private void SpendOneHash(string password)
    {
        _decoyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new PortalUser(), _decoyHash, password);
    }
}
