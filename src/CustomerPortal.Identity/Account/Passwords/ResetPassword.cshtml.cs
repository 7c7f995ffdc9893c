using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>The reset link: a new password under the policy; every session and app signs in again afterwards.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(ActivationLinks links, PasswordChanges passwords, SignInManager<Data.PortalUser> signIn, MessageBundle messages) : PageModel
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
        var (check, _) = await links.CheckAsync(Token, LinkPurpose.ResetPassword);
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
        var outcome = await passwords.ResetAsync(Token, Password);
        if (outcome.Check != LinkCheck.Valid)
        {
            return LinkUnusable(outcome.Check);
        }
        if (outcome.PasswordResult is { Succeeded: false } result)
        {
            PasswordErrors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }
        // This browser's session, if any, belonged to the old password too.
        await signIn.SignOutAsync();
        Done = true;
        return Page();
    }

    private RedirectToPageResult LinkUnusable(LinkCheck check) =>
        RedirectToPage("/Activation/LinkUnusable", new { purpose = "reset-password", reason = check.ToString().ToLowerInvariant() });
}
