using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// What the pages after a right password share: they serve only a pending sign-in (else back to
/// the sign-in form), count wrong answers like wrong passwords, and finish the sign-in.
/// </summary>
public abstract class SecondFactorStepPage(PendingSignIn pending, AttemptLimits attempts, SignInCompletion completion) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; protected set; }
    public object[] ErrorArguments { get; protected set; } = [];

    protected SignInCompletion Completion => completion;

    protected Task<PortalUser?> PendingUserAsync() => pending.UserAsync();

    protected IActionResult BackToSignIn() =>
        LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"{AccountSetup.LoginPath}?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : AccountSetup.LoginPath);

    /// <summary>Checks an answer; on success finishes the sign-in with <paramref name="methods"/> and goes on to where the user was going.</summary>
    protected async Task<IActionResult> AnswerAsync(
        PortalUser user, string what, Func<Task<bool>> verify, IReadOnlyCollection<string> methods, string wrongKey, Func<Task>? beforeSignIn = null)
    {
        var check = await attempts.CheckAsync(user, what, verify, Observability.PortalMetrics.LockoutCause.SecondFactor);
        switch (check.Verdict)
        {
            case PasswordVerdict.Correct:
                if (beforeSignIn is not null)
                {
                    await beforeSignIn();
                }
                await completion.CompleteAsync(user, methods);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case PasswordVerdict.BrowserWaits:
                ErrorKey = "login.error.wait";
                ErrorArguments = [(int)Math.Ceiling(check.Wait.TotalMinutes)];
                return Page();
            default:
                ErrorKey = wrongKey;
                return Page();
        }
    }
}
