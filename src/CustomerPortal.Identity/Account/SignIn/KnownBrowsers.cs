using System.Security.Cryptography;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// The browsers each account has signed in from, recognised by a signed cookie
/// (<see cref="CookieName"/>) that lists the known-browser ids this browser holds, one per account
/// signed in from it (an office PC shared by colleagues holds several).
/// </summary>
public sealed class KnownBrowsers(
    PortalDbContext db, IHttpContextAccessor http, IDataProtectionProvider protection, TimeProvider clock, IOptions<KnownBrowserOptions> options,
    IHostEnvironment environment)
{
    public const string CookieName = "portal.browser";

    // Enough for the colleagues sharing one PC; the oldest entry goes first.
    private const int MostAccountsPerBrowser = 10;

    private readonly IDataProtector _protector = protection.CreateProtector("CustomerPortal.Account.KnownBrowsers");

    /// <summary>This browser as known to <paramref name="user"/>'s account, or null when it has not signed in to it (or too long ago).</summary>
    public async Task<KnownBrowser?> RecogniseAsync(PortalUser user)
    {
        var ids = CookieIds();
        if (ids.Count == 0)
        {
            return null;
        }
        var since = clock.GetUtcNow() - options.Value.Lifetime;
        return await db.KnownBrowsers.FirstOrDefaultAsync(b => ids.Contains(b.Id) && b.UserId == user.Id && b.LastSignInAt > since);
    }

    /// <summary>A wrong password typed in this browser: how long it must now wait (zero within the free attempts).</summary>
    public async Task<TimeSpan> RecordFailureAsync(KnownBrowser browser)
    {
        browser.FailedAttempts++;
        var wait = options.Value.WaitAfter(browser.FailedAttempts);
        browser.WaitUntil = wait > TimeSpan.Zero ? clock.GetUtcNow() + wait : null;
        await db.SaveChangesAsync();
        return wait;
    }

    /// <summary>How long this browser still has to wait before it may try a password again.</summary>
    public TimeSpan WaitLeft(KnownBrowser browser) =>
        browser.WaitUntil is { } until && until > clock.GetUtcNow() ? until - clock.GetUtcNow() : TimeSpan.Zero;

    /// <summary>
    /// After a sign-in with the password: this browser is (still) known to the account, its wrong
    /// passwords are forgotten, and browsers unused for longer than the lifetime are forgotten too.
    /// </summary>
    public async Task RememberAsync(PortalUser user)
    {
        var now = clock.GetUtcNow();
        var browser = await RecogniseAsync(user);
        if (browser is null)
        {
            browser = new KnownBrowser { Id = NewId(), UserId = user.Id, CreatedAt = now };
            db.Add(browser);
        }
        browser.LastSignInAt = now;
        browser.FailedAttempts = 0;
        browser.WaitUntil = null;
        var expired = now - options.Value.Lifetime;
        await db.KnownBrowsers.Where(b => b.UserId == user.Id && b.LastSignInAt < expired).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        WriteCookie([browser.Id, .. CookieIds().Where(id => id != browser.Id).Take(MostAccountsPerBrowser - 1)]);
    }

    private List<string> CookieIds()
    {
        if (http.HttpContext?.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return [];
        }
        try
        {
            return [.. _protector.Unprotect(value).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MostAccountsPerBrowser)];
        }
        catch (CryptographicException)
        {
            // Forged, damaged or signed with a key long retired: the browser is simply not known.
            return [];
        }
    }

    private void WriteCookie(IEnumerable<string> ids)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("A browser is remembered during its sign-in request.");
        context.Response.Cookies.Append(CookieName, _protector.Protect(string.Join(' ', ids)), new CookieOptions
        {
            HttpOnly = true,
            // Plain HTTP exists only in Development on loopback, as for the session cookie.
            Secure = !environment.IsDevelopment() || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            // Read by the sign-in form only.
            Path = "/account",
            Expires = clock.GetUtcNow() + options.Value.Lifetime,
            IsEssential = true,
        });
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
