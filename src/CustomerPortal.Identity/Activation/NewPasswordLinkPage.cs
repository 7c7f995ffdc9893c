using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Activation;

/// <summary>
/// A page opened from an emailed link that sets a new password (the step 2/3 link and the reset
/// link): the link is checked on opening and on posting, the two entries must match, and the
/// policy's messages are shown when the password is refused.
/// </summary>
public abstract class NewPasswordLinkPage(ActivationLinks links, MessageBundle messages, LinkPurpose purpose, string purposeName) : PageModel
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
        var (check, _) = await links.CheckAsync(Token, purpose);
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
        var outcome = await SetAsync(Token, Password);
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
        await AfterSetAsync();
        Done = true;
        return Page();
    }

    /// <summary>Uses the link up and sets the password, or says why not.</summary>
    protected abstract Task<LinkOutcome> SetAsync(string? token, string password);

    protected virtual Task AfterSetAsync() => Task.CompletedTask;

    private RedirectToPageResult LinkUnusable(LinkCheck check) =>
        RedirectToPage("/Activation/LinkUnusable", new { purpose = purposeName, reason = check.ToString().ToLowerInvariant() });
}
