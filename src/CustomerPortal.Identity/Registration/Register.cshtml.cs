using System.Globalization;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Registration;

/// <summary>新規登録: the sign-up form of the guide's section 2.</summary>
[AllowAnonymous]
[EnableRateLimiting(RegistrationThrottling.Policy)]
[Security.EvenAnswerTime]
public sealed class RegisterModel(Registrations registrations) : PageModel
{
    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();
    public string? FormErrorKey { get; private set; }

    public void OnGet()
    {
        Input.Language = MessageBundle.LanguageOf(CultureInfo.CurrentUICulture);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Normalize();
        Errors = Input.Validate();
        if (!Errors.IsEmpty)
        {
            FormErrorKey = "register.error.summary";
            return Page();
        }
        if (await registrations.RegisterAsync(Input) == RegistrationOutcome.SerialThrottled)
        {
            FormErrorKey = "register.error.serialThrottled";
            return Page();
        }
        return RedirectToPage("/Registration/Registered");
    }
}
