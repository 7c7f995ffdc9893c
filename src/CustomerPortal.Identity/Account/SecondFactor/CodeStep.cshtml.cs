using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Connect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>The second step of signing in: the code of the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class CodeStepModel(
    PendingSignIn pending, AttemptLimits attempts, SignInCompletion completion, AuthenticatorApp authenticator,
    SecondFactorPolicy policy, SignInManager<Data.PortalUser> signIn, Passkeys.AccountPasskeys passkeys, Passkeys.PasskeySignIn passkeySignIn)
    : SecondFactorStepPage(pending, attempts, completion)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberBrowser { get; set; }

    [BindProperty]
    public string? PasskeyAnswer { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public bool MayRememberBrowser { get; private set; }

    /// <summary>The code form shows for the authenticator app; an account that must have a second factor may have passkeys only.</summary>
    public bool HasAuthenticator { get; private set; }

    public bool HasPasskeys { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await PendingUserAsync() is { } user ? await ShowAsync(user) : BackToSignIn();

    /// <summary>A passkey instead of the code: the user's own (the options name only theirs).</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return BackToSignIn();
        }
        if (await passkeySignIn.VerifyAsync(PasskeyAnswer, PasskeyError, user) is not { } proof)
        {
            ErrorKey = Passkeys.PasskeySignIn.ErrorKeyOf(PasskeyError);
            return await ShowAsync(user);
        }
        await Completion.CompleteAsync(user, [AuthenticationMethods.Password, .. proof.Methods]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<IActionResult> ShowAsync(Data.PortalUser user)
    {
        MayRememberBrowser = await policy.MayRememberBrowserAsync(user);
        HasAuthenticator = user.TwoFactorEnabled;
        HasPasskeys = await passkeys.AnyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return BackToSignIn();
        }
        await ShowAsync(user);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ErrorKey = "twoStep.error.codeRequired";
            return Page();
        }
        return await AnswerAsync(user, "authenticator code", () => authenticator.VerifyAsync(user, Code),
            [AuthenticationMethods.Password, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor], "twoStep.error.wrongCode",
            beforeSignIn: async () =>
            {
                if (RememberBrowser && MayRememberBrowser)
                {
                    await signIn.RememberTwoFactorClientAsync(user);
                }
            });
    }
}
