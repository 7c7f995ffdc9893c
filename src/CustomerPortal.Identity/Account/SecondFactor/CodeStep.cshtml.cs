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
    SecondFactorPolicy policy, SignInManager<Data.PortalUser> signIn) : SecondFactorStepPage(pending, attempts, completion)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberBrowser { get; set; }

    public bool MayRememberBrowser { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return BackToSignIn();
        }
        MayRememberBrowser = await policy.MayRememberBrowserAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return BackToSignIn();
        }
        MayRememberBrowser = await policy.MayRememberBrowserAsync(user);
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
