using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Activation;

/// <summary>Step 2/3 link: the password under the policy, after which the account is active.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(ActivationLinks links, AccountLifecycle lifecycle, Theming.MessageBundle messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];
    public string? ConfirmErrorKey { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (check, _) = await links.CheckAsync(Token, LinkPurpose.SetPassword);
        return check == LinkCheck.Valid ? Page() : LinkUnusable(check);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            PasswordErrors = [messages["setPassword.error.required"]];
            return Page();
        }
        if (Password != ConfirmPassword)
        {
            ConfirmErrorKey = "setPassword.error.mismatch";
            return Page();
        }
        var outcome = await lifecycle.SetPasswordAsync(Token, Password);
        if (outcome.Check != LinkCheck.Valid)
        {
            return LinkUnusable(outcome.Check);
        }
        if (outcome.PasswordResult is { Succeeded: false } result)
        {
            // Each broken rule of the policy, in the user's language (the validator's descriptions).
            PasswordErrors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }
        Done = true;
        return Page();
    }

    private RedirectToPageResult LinkUnusable(LinkCheck check) =>
        RedirectToPage("/Activation/LinkUnusable", new { purpose = "set-password", reason = check.ToString().ToLowerInvariant() });
}
