using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher,
    Activation.AccountLifecycle lifecycle, Audit.AuditLog audit, Connect.Sessions.BrowserSessions sessions,
    Observability.PortalMetrics metrics, Maintenance.MaintenanceMode maintenance) : PageModel
{
    // Hashed once per process: verifying against it costs what a real check costs, so an unknown
    // address takes as long to refuse as a wrong password.
    private static string? _decoyHash;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }
    public string? EmailErrorKey { get; private set; }
    public string? PasswordErrorKey { get; private set; }

    public void OnGet()
    {
        // login_hint from the relying app prefills the address; it is a hint, never trusted.
        Input.Email = LoginHint(ReturnUrl) ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The same normalisation as at sign-up: full-width letters and digits, spaces, case.
        var email = InputText.NormalizeEmail(Input.Email);
        Input.Email = email;
        EmailErrorKey = email.Length == 0 ? "login.error.emailRequired" : null;
        PasswordErrorKey = string.IsNullOrEmpty(Input.Password) ? "login.error.passwordRequired" : null;
        if (EmailErrorKey is not null || PasswordErrorKey is not null)
        {
            return Page();
        }

        var user = email.Length <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            SpendOneHash();
            await audit.WriteAsync(Audit.AuditEventType.SignInFailed, null, email, "unknown address");
            metrics.SignIn(succeeded: false);
            return Failed();
        }

        var lockedBefore = user.IsStaffLocked || await users.IsLockedOutAsync(user);
        if (lockedBefore || user.PasswordHash is null)
        {
            // Identity answers these without hashing; they must take as long as a wrong password,
            // or the answer time would tell that the account exists.
            SpendOneHash();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded || user.IsStaffLocked)
        {
            var lockedNow = check.IsLockedOut || await users.IsLockedOutAsync(user);
            await audit.WriteAsync(lockedNow && !lockedBefore ? Audit.AuditEventType.LockedOut : Audit.AuditEventType.SignInFailed, user.Id, email);
            metrics.SignIn(succeeded: false);
            if (lockedNow && !lockedBefore)
            {
                metrics.LockedOut(Observability.PortalMetrics.LockoutCause.FailedSignIns);
            }
            // Locked out, wrong password and unknown address read the same.
            return Failed();
        }
        if (user.Status != AccountStatus.Active)
        {
            // Only someone who knows the password learns that the account exists but is not ready.
            ErrorKey = "login.error.notActive";
            return Page();
        }

        if ((await maintenance.CurrentAsync()).Enabled
            && !await users.IsInRoleAsync(user, PortalRoles.Staff)
            && !await users.IsInRoleAsync(user, PortalRoles.Admin))
        {
            // Only staff work during maintenance: a customer is not signed in (no session, no
            // first-sign-in mail) and sees the maintenance page instead.
            return LocalRedirect("/");
        }

        var sid = await sessions.StartAsync(user.Id);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(PortalClaimTypes.SessionId, sid)]);
        await audit.WriteAsync(Audit.AuditEventType.SignInSucceeded, user.Id, email);
        metrics.SignIn(succeeded: true);
        await lifecycle.RecordSignInAsync(user);
        LocalizationSetup.AdoptUserLanguage(HttpContext, user.Locale);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private void SpendOneHash()
    {
        _decoyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new PortalUser(), _decoyHash, Input.Password!);
    }

    private PageResult Failed()
    {
        ErrorKey = "login.error.failed";
        return Page();
    }

    private static string? LoginHint(string? returnUrl)
    {
        var queryStart = returnUrl?.IndexOf('?') ?? -1;
        if (queryStart < 0)
        {
            return null;
        }
        var query = QueryHelpers.ParseQuery(returnUrl![queryStart..]);
        return query.TryGetValue("login_hint", out var hint) && hint.Count == 1 && hint[0]!.Length <= 256 ? hint[0] : null;
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
