using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Activation;

/// <summary>
/// Step 1/3 link. Opening the link only shows a button: mail scanners that fetch links must
/// not use up a single-use link; the confirmation is a POST.
/// </summary>
[AllowAnonymous]
public sealed class VerifyEmailModel(ActivationLinks links, AccountLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Verified { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (check, _) = await links.CheckAsync(Token, LinkPurpose.VerifyEmail);
        return check == LinkCheck.Valid ? Page() : LinkUnusable(check);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await lifecycle.VerifyEmailAsync(Token);
        if (outcome.Check != LinkCheck.Valid)
        {
            return LinkUnusable(outcome.Check);
        }
        Verified = true;
        return Page();
    }

    private RedirectToPageResult LinkUnusable(LinkCheck check) =>
        RedirectToPage("/Activation/LinkUnusable", new { purpose = "verify-email", reason = check.ToString().ToLowerInvariant() });
}
