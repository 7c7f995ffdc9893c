using System.Globalization;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Registration;

/// <summary>
/// 新規登録: the sign-up form of the guide's section 2, then a confirmation (確認画面) of what was
/// entered before anything is sent. Nothing is kept between the steps on the server: the
/// confirmation carries the values in hidden fields, and sending checks them again.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RegistrationThrottling.Policy)]
[Security.EvenAnswerTime]
public sealed class RegisterModel(Registrations registrations) : PageModel
{
    public const string PagePath = "/account/register";

    /// <summary>The form's post: checks it and shows the confirmation (or the form again, with what is wrong).</summary>
    public const string ReviewHandler = "review";

    /// <summary>「修正する」 on the confirmation: the form again, filled in.</summary>
    public const string EditHandler = "edit";

    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();
    public string? FormErrorKey { get; private set; }

    /// <summary>True when the page shows the confirmation instead of the form.</summary>
    public bool Confirming { get; private set; }

    /// <summary>
    /// Posts that only show the form or the confirmation store and send nothing, so the
    /// registration limit per client address counts only the post that sends
    /// (<see cref="RegistrationThrottling"/>): going back to correct a typo costs nothing.
    /// </summary>
    public static bool OnlyShows(HttpRequest request) =>
        request.Path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
        && request.Query["handler"].FirstOrDefault() is ReviewHandler or EditHandler;

    public void OnGet()
    {
        Input.Language = MessageBundle.LanguageOf(CultureInfo.CurrentUICulture);
    }

    public IActionResult OnPostReview()
    {
        Input.Normalize();
        Errors = Input.Validate();
        if (!Errors.IsEmpty)
        {
            FormErrorKey = "register.error.summary";
            return Page();
        }
        Confirming = true;
        return Page();
    }

    public IActionResult OnPostEdit()
    {
        Input.Normalize();
        return Page();
    }

    /// <summary>「この内容で登録する」: the values of the confirmation, checked again (they came back from the browser).</summary>
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
