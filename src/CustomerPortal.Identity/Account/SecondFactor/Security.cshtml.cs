using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// Account settings → 2段階認証: the authenticator app set up (confirmed by one code), turned off
/// (password and a current code), and the recovery codes counted and renewed (password). Every
/// change ends the user's other sessions and keeps this one.
/// </summary>
public sealed class SecurityModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuthenticatorApp authenticator, TwoStepSettings settings,
    CurrentPasswordCheck currentPassword, MessageBundle messages, Passkeys.AccountPasskeys passkeys) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public int PasskeyCount { get; private set; }
    public AuthenticatorSetupView? Setup { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? StatusKey { get; private set; }
    public string? CurrentPasswordErrorKey { get; private set; }

    /// <summary>Which form the password error belongs to ("renew" or "disable").</summary>
    public string? FormWithError { get; private set; }

    public string? PasswordErrorOf(string form) => FormWithError == form ? CurrentPasswordErrorKey : null;
    public string? CodeErrorKey { get; private set; }

    public async Task OnGetAsync() => await ShowAsync(await CurrentUserAsync());

    /// <summary>The setup's code: turns the authenticator app on.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (await settings.EnableAsync(user, Code) is not { } codes)
        {
            await ShowAsync(user, string.IsNullOrWhiteSpace(Code) ? "twoStep.error.codeRequired" : "twoStep.error.wrongCode");
            return Page();
        }
        await signIn.RenewAsync(user);
        NewRecoveryCodes = codes;
        StatusKey = "twoStep.setup.done";
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        var user = await CurrentUserAsync();
        FormWithError = "renew";
        if (user.TwoFactorEnabled && await PasswordAcceptedAsync(user))
        {
            NewRecoveryCodes = await settings.RenewRecoveryCodesAsync(user);
            StatusKey = "twoStep.codes.renewed";
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        FormWithError = "disable";
        if (user.TwoFactorEnabled && await PasswordAcceptedAsync(user))
        {
            if (await authenticator.VerifyAsync(user, Code))
            {
                await settings.DisableAsync(user);
                await signIn.RenewAsync(user);
                StatusKey = "twoStep.disabled";
            }
            else
            {
                CodeErrorKey = string.IsNullOrWhiteSpace(Code) ? "twoStep.error.codeRequired" : "twoStep.error.wrongCode";
            }
        }
        await ShowAsync(user);
        return Page();
    }

    private async Task<bool> PasswordAcceptedAsync(PortalUser user)
    {
        CurrentPasswordErrorKey = await currentPassword.ErrorKeyOfAsync(user, CurrentPassword);
        return CurrentPasswordErrorKey is null;
    }

    private async Task ShowAsync(PortalUser user, string? setupErrorKey = null)
    {
        PasskeyCount = (await passkeys.ListAsync(user)).Count;
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var (key, created) = await authenticator.KeyOfAsync(user);
        if (created)
        {
            // Identity changed the security stamp with the new key: this browser's cookie follows it.
            await signIn.RenewAsync(user);
        }
        Setup = AuthenticatorSetupView.For(messages["portal.name"], user.Email!, key, setupErrorKey);
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
