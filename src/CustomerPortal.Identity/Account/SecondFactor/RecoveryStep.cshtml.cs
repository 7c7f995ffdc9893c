using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Connect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>Signing in with a recovery code when the authenticator app is not at hand; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottling.Policy)]
public sealed class RecoveryStepModel(PendingSignIn pending, AttemptLimits attempts, SignInCompletion completion, TwoStepSettings settings)
    : SecondFactorStepPage(pending, attempts, completion)
{
    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() => await PendingUserAsync() is null ? BackToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return BackToSignIn();
        }
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ErrorKey = "twoStep.error.recoveryRequired";
            return Page();
        }
        return await AnswerAsync(user, "recovery code", () => settings.RedeemRecoveryCodeAsync(user, RecoveryCode),
            [AuthenticationMethods.Password, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor], "twoStep.error.wrongRecovery");
    }
}
