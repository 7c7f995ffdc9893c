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
/// multi-factor): the authenticator code alone, not the password again; an account without a
/// second factor sets one up here. The session stays the same and then records the factor.
/// </summary>
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class StepUpModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AttemptLimits attempts, AuthenticatorApp authenticator,
    TwoStepSettings settings, MessageBundle messages) : PageModel
{
    public const string Path = "/account/login/step-up";

    private static readonly string[] Added = [AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public AuthenticatorSetupView? Setup { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? ErrorKey { get; private set; }
    public object[] ErrorArguments { get; private set; } = [];
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task OnGetAsync() => await ShowAsync(await CurrentUserAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
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
        if (user.TwoFactorEnabled)
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
