using CustomerPortal.Identity.Account.SignIn;
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
    UserManager<PortalUser> users, PasswordSignIn passwordSignIn, SecondFactor.SecondFactorPolicy secondFactors, PendingSignIn pending,
    SignInCompletion completion, Maintenance.MaintenanceMode maintenance, Passkeys.PasskeySignIn passkeySignIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? PasskeyAnswer { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public string? ErrorKey { get; private set; }
    public object[] ErrorArguments { get; private set; } = [];
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
        var check = await passwordSignIn.CheckAsync(user, email, Input.Password!);
        if (check.Verdict == PasswordVerdict.BrowserWaits)
        {
            // Only a browser that has signed in to this account before hears this: it tells a stranger nothing.
            ErrorKey = "login.error.wait";
            ErrorArguments = [(int)Math.Ceiling(check.Wait.TotalMinutes)];
            return Page();
        }
        if (check.Verdict != PasswordVerdict.Correct || user is null)
        {
            // Locked out, wrong password and unknown address read the same.
            return Failed();
        }
        if (user.Status != AccountStatus.Active)
        {
            // Only someone who knows the password learns that the account exists but is not ready.
            ErrorKey = "login.error.notActive";
            return Page();
        }

        if (await ClosedForMaintenanceAsync(user))
        {
            return LocalRedirect("/");
        }

        var next = await secondFactors.StepAfterPasswordAsync(user);
        if (next != SecondFactor.StepAfterPassword.None)
        {
            // Nothing is granted yet: the next page asks for the code (or sets one up) and then signs in.
            await pending.StartAsync(user);
            var step = next == SecondFactor.StepAfterPassword.Code ? "/account/login/code" : "/account/login/enrol";
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"{step}?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : step);
        }
        await completion.CompleteAsync(user, [Connect.AuthenticationMethods.Password]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>"Sign in with a passkey": the passkey alone, no password and no second step (it is two factors itself).</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await passkeySignIn.VerifyAsync(PasskeyAnswer, PasskeyError, expected: null) is not { } proof)
        {
            ErrorKey = Passkeys.PasskeySignIn.ErrorKeyOf(PasskeyError);
            return Page();
        }
        if (await ClosedForMaintenanceAsync(proof.User))
        {
            return LocalRedirect("/");
        }
        await completion.CompleteAsync(proof.User, proof.Methods);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>
    /// Only staff work during maintenance: a customer is not signed in (no session, no first-sign-in
    /// mail) and sees the maintenance page instead.
    /// </summary>
    private async Task<bool> ClosedForMaintenanceAsync(PortalUser user) =>
        (await maintenance.CurrentAsync()).Enabled
        && !await users.IsInRoleAsync(user, PortalRoles.Staff)
        && !await users.IsInRoleAsync(user, PortalRoles.Admin);

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
