using CustomerPortal.Identity.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// 「パスワードを忘れた場合」: the registered address gets a single-use reset link. The answer is
/// the same whether or not the address is registered (or still being activated).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RegistrationThrottling.Policy)]
[Security.EvenAnswerTime]
public sealed class ForgotPasswordModel(PasswordChanges passwords, Activation.AccountLifecycle lifecycle) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }
    public string? EmailErrorKey { get; private set; }

    public void OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Email = User.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Email)?.Value;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = InputText.NormalizeEmail(Email);
        if (!FieldRules.IsEmail(email))
        {
            EmailErrorKey = "register.error.email";
            return Page();
        }
        await passwords.SendResetLinkAsync(email);
        // Someone still in activation has no password to reset: they get their next step's link.
        await lifecycle.ResendPendingStepAsync(email);
        Sent = true;
        return Page();
    }
}
