using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Activation;

/// <summary>
/// Step 1/3 link. Opening the link only shows a button: mail scanners that fetch links must
/// not use up a single-use link; the confirmation is a POST.
/// </summary>
[AllowAnonymous]
public sealed class VerifyEmailModel(ActivationLinks links, AccountLifecycle lifecycle, UserManager<PortalUser> users) : PageModel
{
    /// <summary>The <c>reason</c> of /account/link when the address of a spent link is verified and the account is past that step.</summary>
    public const string AlreadyVerified = "verified";

    /// <summary>The same, for an account that is verified but still waits for its password (mail 3).</summary>
    public const string VerifiedAwaitingPassword = "verified-awaiting-password";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Verified { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (check, link) = await links.CheckAsync(Token, LinkPurpose.VerifyEmail);
        return check == LinkCheck.Valid ? Page() : await LinkUnusableAsync(check, link);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await lifecycle.VerifyEmailAsync(Token);
        if (outcome.Check != LinkCheck.Valid)
        {
            var (_, link) = await links.CheckAsync(Token, LinkPurpose.VerifyEmail);
            return await LinkUnusableAsync(outcome.Check, link);
        }
        Verified = true;
        return Page();
    }

    /// <summary>
    /// A spent link whose address is verified already (used, a second click, or an older link that
    /// outlived a newer one) says so instead of offering a new link: only the holder of the mailed
    /// link gets here, so this tells nobody anything new. A staff lock keeps the plain answer.
    /// </summary>
    private async Task<RedirectToPageResult> LinkUnusableAsync(LinkCheck check, ActivationLink? link)
    {
        var reason = check.ToString().ToLowerInvariant();
        if (check is LinkCheck.Used or LinkCheck.Expired && link is not null
            && await users.FindByIdAsync(link.UserId) is { Status: AccountStatus.EmailVerified or AccountStatus.Active, IsStaffLocked: false } user)
        {
            reason = AccountLifecycle.PendingStep(user) == LinkPurpose.SetPassword ? VerifiedAwaitingPassword : AlreadyVerified;
        }
        // The mailed link's language goes along, so the answer speaks it in any browser.
        string? language = Request.Query[Theming.UiLocalesCultureProvider.Parameter];
        return RedirectToPage("/Activation/LinkUnusable", new { purpose = "verify-email", reason, ui_locales = language });
    }
}
