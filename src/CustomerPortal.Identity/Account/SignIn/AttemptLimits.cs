using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SignIn;

public enum PasswordVerdict { Correct, Refused, BrowserWaits }

/// <param name="Wait">For <see cref="PasswordVerdict.BrowserWaits"/>: how long until this browser may try again.</param>
public readonly record struct PasswordCheck(PasswordVerdict Verdict, TimeSpan Wait = default);

/// <summary>
/// How many guesses of a secret (the password, an authenticator code, a recovery code) one account
/// takes, after OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies").
/// From a browser the account does not know, wrong answers count toward Identity's lockout of the
/// account, which such browsers cannot pass until it ends. From a browser that has signed in to the
/// account before (<see cref="KnownBrowsers"/>), they count for that browser alone, which waits
/// progressively longer; the account's lockout does not stop it. So a stranger who knows the
/// address cannot shut the owner out. Failures are audited and counted here.
/// </summary>
public sealed class AttemptLimits(
    UserManager<PortalUser> users, KnownBrowsers browsers, Lockouts lockouts, AuditLog audit, PortalMetrics metrics, PortalDbContext db)
{
    // Guesses that lose the race for the row again this often in a row are beyond any real contention.
    private const int CountingTries = 10;

    /// <param name="what">What was guessed, for the audit.</param>
    /// <param name="verify">Checks the answer (and, for a code, spends it).</param>
    /// <param name="lockoutCause">The account lockout's cause (<see cref="PortalMetrics.LockoutCause"/>), for its metric and mail.</param>
    /// <param name="whenNotChecked">
    /// Runs when the account's lockout refuses without <paramref name="verify"/>: a password check spends the time it would have.
    /// </param>
    public async Task<PasswordCheck> CheckAsync(
        PortalUser user, string what, Func<Task<bool>> verify, string lockoutCause, Action? whenNotChecked = null)
    {
        var browser = await browsers.RecogniseAsync(user);
        if (browser is not null && browsers.WaitLeft(browser) is var left && left > TimeSpan.Zero)
        {
            // Nothing is checked while the browser waits, not even the right answer.
            return await RefusedAsync(user, $"{what}: known browser still waiting", new(PasswordVerdict.BrowserWaits, left));
        }
        if (browser is null && await users.IsLockedOutAsync(user))
        {
            whenNotChecked?.Invoke();
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
        // One commit for all that a wrong answer writes (its count, the audit line, a lockout's mail),
        // as an unknown address commits its audit line alone: on PostgreSQL every commit waits for the
        // disk, and a second one made registered addresses answer measurably later.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var refused = await RecordWrongAnswerAsync(user, browser, what, lockoutCause);
        await transaction.CommitAsync();
        return refused;
    }

    private async Task<PasswordCheck> RecordWrongAnswerAsync(PortalUser user, KnownBrowser? browser, string what, string lockoutCause)
    {
        if (browser is not null)
        {
            var wait = await browsers.RecordFailureAsync(browser);
            if (wait > TimeSpan.Zero)
            {
                metrics.SignIn(succeeded: false);
                await lockouts.BrowserWaitsAsync(user, browser, wait);
                return new(PasswordVerdict.BrowserWaits, wait);
            }
            return await RefusedAsync(user, $"{what}: known browser", new(PasswordVerdict.Refused));
        }
        await CountFailureAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            metrics.SignIn(succeeded: false);
            await lockouts.AccountLockedAsync(user, lockoutCause);
            return new(PasswordVerdict.Refused);
        }
        return await RefusedAsync(user, what, new(PasswordVerdict.Refused));
    }

    /// <summary>
    /// Counts a wrong answer toward the account's lockout, also when other wrong answers for the same
    /// account are counted at the same moment.
    /// </summary>
    /// <remarks>
    /// Identity refuses to save a count read before another request saved its own (the concurrency
    /// stamp) and leaves the refused change pending, which the audit's save then threw as a 500:
    /// guesses posted in parallel were answered with errors for registered addresses only, and went
    /// uncounted. Each lost race reads the account again and counts on top of the other guess.
    /// </remarks>
    private async Task CountFailureAsync(PortalUser user)
    {
        for (var tries = 0; tries < CountingTries; tries++)
        {
            if ((await users.AccessFailedAsync(user)).Succeeded)
            {
                return;
            }
            await db.Entry(user).ReloadAsync();
        }
    }

    private async Task<PasswordCheck> RefusedAsync(PortalUser user, string details, PasswordCheck verdict)
    {
        metrics.SignIn(succeeded: false);
        await audit.WriteAsync(AuditEventType.SignInFailed, user.Id, user.Email, details);
        return verdict;
    }
}
