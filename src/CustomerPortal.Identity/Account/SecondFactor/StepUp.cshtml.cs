using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// A signed-in session asked for more than its sign-in gave (an app's acr_values asking for
/// multi-factor): the authenticator code or a passkey, not the password again; an account without a
/// second factor sets one up here. Asked for the phishing-resistant level, only a passkey will do.
/// The session stays the same and then records the factor.
/// </summary>
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class StepUpModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AttemptLimits attempts, AuthenticatorApp authenticator,
    TwoStepSettings settings, MessageBundle messages, Passkeys.AccountPasskeys passkeys, Passkeys.PasskeySignIn passkeySignIn) : PageModel
{
    public const string Path = "/account/login/step-up";

    private static readonly string[] Added = [AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The ACR level the app asked for; see <see cref="AuthenticationMethods.Levels"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? PasskeyAnswer { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public bool PasskeyOnly => Level == AuthenticationMethods.Levels.PhishingResistant;
    public bool HasAuthenticator { get; private set; }
    public bool HasPasskeys { get; private set; }

    public AuthenticatorSetupView? Setup { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? ErrorKey { get; private set; }
    public object[] ErrorArguments { get; private set; } = [];
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task OnGetAsync() => await ShowAsync(await CurrentUserAsync());

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var user = await CurrentUserAsync();
        if (await passkeySignIn.VerifyAsync(PasskeyAnswer, PasskeyError, user) is not { } proof)
        {
            ErrorKey = Passkeys.PasskeySignIn.ErrorKeyOf(PasskeyError);
            await ShowAsync(user);
            return Page();
        }
        await signIn.StepUpAsync(user, proof.Methods);
        return LocalRedirect(ContinueUrl);
    }

    /// <summary>An account with no passkey adds one, and that counts as the step.</summary>
    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        var user = await CurrentUserAsync();
        var added = await passkeys.AddAsync(user, PasskeyAnswer, PasskeyError, name: null);
        if (added is not { Outcome: Passkeys.PasskeyAdded.Added, Method: { } method })
        {
            ErrorKey = Passkeys.PasskeySignIn.ErrorKeyOf(PasskeyError);
            await ShowAsync(user);
            return Page();
        }
        await signIn.StepUpAsync(user, [method, AuthenticationMethods.MultiFactor]);
        return LocalRedirect(ContinueUrl);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        await ShowAsync(user);
        if (PasskeyOnly)
        {
            return Page();
        }
        if (!user.TwoFactorEnabled)
        {
            if (await settings.EnableAsync(user, Code) is not { } codes)
            {
                await ShowAsync(user, string.IsNullOrWhiteSpace(Code) ? "twoStep.error.codeRequired" : "twoStep.error.wrongCode");
                return Page();
            }
            await signIn.StepUpAsync(user, Added);
            RecoveryCodes = codes;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            ErrorKey = "twoStep.error.codeRequired";
            return Page();
        }
        var check = await attempts.CheckAsync(user, "step-up code", () => authenticator.VerifyAsync(user, Code),
            Observability.PortalMetrics.LockoutCause.SecondFactor);
        switch (check.Verdict)
        {
            case PasswordVerdict.Correct:
                await signIn.StepUpAsync(user, Added);
                return LocalRedirect(ContinueUrl);
            case PasswordVerdict.BrowserWaits:
                ErrorKey = "login.error.wait";
                ErrorArguments = [(int)Math.Ceiling(check.Wait.TotalMinutes)];
                return Page();
            default:
                ErrorKey = "twoStep.error.wrongCode";
                return Page();
        }
    }

    private async Task ShowAsync(PortalUser user, string? setupErrorKey = null)
    {
        HasAuthenticator = user.TwoFactorEnabled;
        HasPasskeys = await passkeys.AnyAsync(user);
        Setup = null;
        if (HasAuthenticator || HasPasskeys || PasskeyOnly)
        {
            return;
        }
        var (key, created) = await authenticator.KeyOfAsync(user);
        if (created)
        {
            // The new key changed the security stamp: this browser's cookie follows it.
            await signIn.RenewAsync(user);
        }
        Setup = AuthenticatorSetupView.For(messages["portal.name"], user.Email!, key, setupErrorKey);
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
