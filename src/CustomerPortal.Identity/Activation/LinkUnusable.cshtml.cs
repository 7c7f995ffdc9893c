using CustomerPortal.Identity.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Activation;

/// <summary>
/// Where an expired, used or unknown link lands: offers a fresh link for an address, and answers
/// the same whether or not the address is registered.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Registration.RegistrationThrottling.Policy)]
[Security.EvenAnswerTime]
public sealed class LinkUnusableModel(AccountLifecycle lifecycle, Account.Passwords.PasswordChanges passwords) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }
    public string? EmailErrorKey { get; private set; }

    /// <summary>A verification link opened again after the address was verified (see <see cref="VerifyEmailModel"/>).</summary>
    public bool AddressVerified => Purpose == "verify-email" && Reason is VerifyEmailModel.AlreadyVerified or VerifyEmailModel.VerifiedAwaitingPassword;

    /// <summary>Verified, and the password is still to be set with mail 3: the form sends that mail again.</summary>
    public bool AwaitingPassword => AddressVerified && Reason == VerifyEmailModel.VerifiedAwaitingPassword;

    public string ReasonKey => Reason switch
    {
        "expired" => "link.expired",
        "used" => "link.used",
        _ => "link.unknown",
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = InputText.NormalizeEmail(Email);
        if (email.Length is 0 or > 256 || !email.Contains('@'))
        {
            EmailErrorKey = "register.error.email";
            return Page();
        }
        // An active account gets a reset link, one still in activation the link of its next
        // step, whichever kind of link was lost; nobody learns which (or whether) one was sent.
        await passwords.SendResetLinkAsync(email);
        await lifecycle.ResendPendingStepAsync(email);
        Sent = true;
        return Page();
    }
}
