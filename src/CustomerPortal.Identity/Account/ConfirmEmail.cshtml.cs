using CustomerPortal.Identity.Activation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account;

/// <summary>The link sent to a new address: confirming (a POST, safe from mail scanners) makes it the sign-in address.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(ActivationLinks links, EmailChange emailChange) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (check, _) = await links.CheckAsync(Token, LinkPurpose.ChangeEmail);
        return check == LinkCheck.Valid ? Page() : LinkUnusable(check);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await emailChange.ConfirmAsync(Token);
        if (outcome.Check != LinkCheck.Valid)
        {
            return LinkUnusable(outcome.Check);
        }
        Done = true;
        return Page();
    }

    private RedirectToPageResult LinkUnusable(LinkCheck check) =>
        RedirectToPage("/Activation/LinkUnusable", new { purpose = "change-email", reason = check.ToString().ToLowerInvariant() });
}
