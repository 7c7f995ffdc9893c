using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Connect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// Enrolment that cannot be skipped: an account that must have a second factor
/// (<see cref="SecondFactorOptions.RequireSecondFactorForRoles"/>) and has none sets up the
/// authenticator app (or adds a passkey) here, right after its password, before it is signed in at all.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class EnrolModel(
    PendingSignIn pending, AuthenticatorApp authenticator, TwoStepSettings settings, SignInCompletion completion, MessageBundle messages,
    Passkeys.AccountPasskeys passkeys) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? PasskeyAnswer { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public string? PasskeyErrorKey { get; private set; }

    public AuthenticatorSetupView? Setup { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync() => await ShowSetupAsync(errorKey: null);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await pending.UserAsync() is not { TwoFactorEnabled: false } user)
        {
            return LocalRedirect(AccountSetup.LoginPath);
        }
        if (await settings.EnableAsync(user, Code) is not { } codes)
        {
            return await ShowSetupAsync(string.IsNullOrWhiteSpace(Code) ? "twoStep.error.codeRequired" : "twoStep.error.wrongCode");
        }
        await completion.CompleteAsync(user, [AuthenticationMethods.Password, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor]);
        RecoveryCodes = codes;
        return Page();
    }

    /// <summary>A passkey instead of the authenticator app: once it is stored, the sign-in completes with it.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await pending.UserAsync() is not { TwoFactorEnabled: false } user)
        {
            return LocalRedirect(AccountSetup.LoginPath);
        }
        var added = await passkeys.AddAsync(user, PasskeyAnswer, PasskeyError, name: null);
        if (added is not { Outcome: Passkeys.PasskeyAdded.Added, Method: { } method })
        {
            PasskeyErrorKey = Passkeys.PasskeySignIn.ErrorKeyOf(PasskeyError);
            return await ShowSetupAsync(errorKey: null);
        }
        await completion.CompleteAsync(user, [AuthenticationMethods.Password, method, AuthenticationMethods.MultiFactor]);
        return LocalRedirect(ContinueUrl);
    }

    private async Task<IActionResult> ShowSetupAsync(string? errorKey)
    {
        if (await pending.UserAsync() is not { TwoFactorEnabled: false } user)
        {
            return LocalRedirect(AccountSetup.LoginPath);
        }
        var (key, created) = await authenticator.KeyOfAsync(user);
        if (created)
        {
            // The new key changed the security stamp that the pending sign-in holds.
            await pending.StartAsync(user);
        }
        Setup = AuthenticatorSetupView.For(messages["portal.name"], user.Email!, key, errorKey);
        return Page();
    }
}
